import { createInklingWith, type Inkling, type InklingOptions } from './inkling.js';

export type { Inkling, InklingOptions, RankOptions } from './inkling.js';
export type { PrivacyOptions, PrivacySignals } from './privacy.js';
export type { VisitorExport } from '../common/protocol.js';
export type * from '../common/types.js';

// Not `new URL('./…', import.meta.url)`: bundlers must see only the `new Worker(new URL(…))` below, or
// they copy the worker a second time as a plain asset (Vite) or warn (webpack). For a site's own `createWorker(url)`.
const besideThisFile = (file: string) => import.meta.url.replace(/[^/?#]*(?:[?#].*)?$/, file);

/**
 * Creates Inkling for a single-page app. The engine starts lazily in a Web Worker next to this file
 * (`inkling.worker.js`, which the site's bundler picks up with its TF.js chunk), or in-thread when no
 * worker can start.
 *
 * @example
 * const inkling = createInkling({ recipes: { default: { strategies: [{ use: 'personal', weight: 1 }] } } });
 * const { items } = await inkling.rank(products, { slot: 'home-grid' });
 */
export function createInkling(options: InklingOptions = {}): Inkling {
  return createInklingWith(options, {
    workerUrl: besideThisFile('inkling.worker.js'),
    // Written out whole, in this one place: Vite and webpack 5 see `new Worker(new URL(…))` and
    // bundle the worker with its lazy TF.js chunk. A bare `new URL()` would be copied as an asset
    // without the chunk it imports. Used unless the site passes `workerUrl` or `createWorker`.
    bundledWorker: () =>
      new Worker(new URL('./inkling.worker.js', import.meta.url), { type: 'module', name: 'inkling' }),
    loadInThread: async () => (await import('../worker/engine.js')).createEngine(),
  });
}
