import { createInklingWith, type Inkling, type InklingOptions } from './inkling.js';

export type { Inkling, InklingOptions, RankOptions } from './inkling.js';
export type { PrivacyOptions, PrivacySignals } from './privacy.js';
export type { VisitorExport } from '../common/protocol.js';
export type * from '../common/types.js';

/**
 * Creates Inkling for a single-page app. The engine starts lazily in a Web Worker next to this file
 * (`inkling.worker.js`), or in-thread when no worker can start.
 *
 * @example
 * const inkling = createInkling({ recipes: { default: { strategies: [{ use: 'personal', weight: 1 }] } } });
 * const { items } = await inkling.rank(products, { slot: 'home-grid' });
 */
export function createInkling(options: InklingOptions = {}): Inkling {
  return createInklingWith(options, {
    workerUrl: new URL('./inkling.worker.js', import.meta.url),
    loadInThread: async () => (await import('../worker/engine.js')).createEngine(),
  });
}
