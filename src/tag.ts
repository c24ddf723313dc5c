import { PAUSED_KEY } from '../common/storage-keys.js';
import type { PageEngine } from '../common/protocol.js';
import type { Ranking } from '../common/types.js';
import { createInklingWith, type Inkling } from './inkling.js';
import { personalizePage } from './page.js';
import { isReturning } from './returning.js';
import { checkOptions } from './checks.js';
import { createReporter, guard, type Reporter } from './report.js';
import { concealSlots } from './slots/conceal.js';
import { createSuppressedList } from './suppressed.js';
import { readTagOptions } from './tag-options.js';
import { webStorage } from './tracker/web-storage.js';

/** The script tag's global before it loads: the stub queue of calls (`Inkling.q.push(['track', {...}])`). */
type QueuedCall = readonly [method: string, ...args: unknown[]];

/**
 * Script-tag entry (`async` or `defer`). Reads options from its own `data-` attributes and
 * `window.InklingConfig`, starts the engine at once (the first ranking is on the critical path),
 * hides a returning visitor's slots before their first paint, personalizes the page once it is
 * parsed, replays calls queued on `window.Inkling.q`, and loads the panel and the debug overlay as
 * separate modules only when asked for.
 */
function boot(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  let reporter: Reporter = createReporter();
  try {
    const read = readTagOptions(script);
    // A hook that is not a function is reported by the check below; calling it throws, which the reporter contains.
    reporter = createReporter(read.options.onError);
    const options = checkOptions(read.options, reporter.error);
    if (read.recipesError) reporter.error(read.recipesError, 'recipes');
    const base = script?.src || document.baseURI;
    const workerUrl = options.workerUrl ?? new URL('inkling.worker.js', base);
    const suppressed = createSuppressedList();
    const inkling = createInklingWith(options, {
      workerUrl,
      loadInThread: () => loadEngineModule(workerUrl),
      eager: true,
      suppressed,
      checked: true,
    });
    // The panel's "Pause" stores '1' (JSON for 1).
    if (webStorage('localStorage').read<number>(PAUSED_KEY, 0) === 1) inkling.pause(true);
    const budget = options.rankBudgetMs ?? 150;
    // Render-blocking only holds for a tag the parser met in <head>.
    const renderBlocking = !!script?.matches('head>[blocking~=render]');
    const concealer =
      isReturning() && inkling.mode !== 'off' ? concealSlots(document, 3000 + budget, renderBlocking) : undefined;
    const rankings = new Map<string, Ranking>();
    if (options.debug) inkling.on('ranked', ({ slot, ranking }) => void rankings.set(slot, ranking));

    const queued = (window as { Inkling?: { q?: QueuedCall[] } }).Inkling?.q ?? [];
    (window as unknown as { Inkling: Inkling }).Inkling = inkling;
    for (const [method, ...args] of queued) callQueued(inkling, method, args, reporter);

    // Clicks before the tracking module arrives are kept and counted once it runs.
    const early: MouseEvent[] = [];
    const keep = (event: MouseEvent) => void early.push(event);
    const clickTypes = ['click', 'auxclick'] as const;
    for (const type of clickTypes) document.addEventListener(type, keep, true);

    const start = () => {
      try {
        const late: string[] = [];
        const onPaintedEarly = (slot: string) => void late.push(slot);
        const page = personalizePage(inkling, reporter, {
          rankBudgetMs: budget,
          explain: !!options.debug,
          suppressed,
          onPaintedEarly,
          keepOrder: !!read.recipesError,
          ...(concealer ? { concealer } : {}),
        });
        // Tracking, then the UI, load once the slots are settled: they must not compete with the first
        // ranking (their fetches with the worker's, their compiling with the reorder).
        void page.ready.then(() => {
          loadModule('inkling-track.js', base, reporter, (module) => {
            for (const type of clickTypes) document.removeEventListener(type, keep, true);
            module.watchPage(inkling, reporter, page, early);
          });
          // Said once, as a warning: the site's snippet is what to change, not an error of this page.
          if (late.length > 0)
            reporter.warn(
              `painted before the tag ran: ${late}; load it in <head> with <script async blocking="render">`,
            );
          const root = options.panel
            ? guard(reporter, 'option panel', () => document.querySelector(options.panel!), null)
            : null;
          if (root)
            loadModule('inkling-panel.js', base, reporter, (ui) =>
              ui.mountPanel(inkling, root, { pausedKey: PAUSED_KEY }),
            );
          if (options.debug)
            loadModule('inkling-debug.js', base, reporter, (ui) => ui.mountDebugOverlay(inkling, document, rankings));
        });
      } catch (error) {
        concealer?.release();
        reporter.error(error, 'startup');
      }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  } catch (error) {
    reporter.error(error, 'startup');
  }
}

function callQueued(inkling: Inkling, method: string, args: unknown[], reporter: Reporter): void {
  const target = (inkling as unknown as Record<string, unknown>)[method];
  if (typeof target !== 'function') return reporter.error(new Error('unknown method'), `queued ${method}`);
  try {
    void (target as (...a: unknown[]) => unknown).apply(inkling, args);
  } catch (error) {
    reporter.error(error, `queued ${method}`);
  }
}

/**
 * The worker module doubles as the in-thread engine: imported on the page, it exports `createEngine`
 * (any other module fails with a TypeError, contained like every engine failure).
 */
async function loadEngineModule(url: string | URL): Promise<PageEngine> {
  const module = (await import(/* webpackIgnore: true */ String(url))) as typeof import('../worker/worker-entry.js');
  return module.createEngine();
}

/** The modules the tag loads later, by their built file's name (rollup.config.mjs), typed from their sources. */
interface LazyModules {
  'inkling-track.js': typeof import('./page-watch.js');
  'inkling-panel.js': typeof import('./ui/panel.js');
  'inkling-debug.js': typeof import('./ui/debug-overlay.js');
}

/**
 * Tracking, panel and overlay are ES modules beside this script, fetched when needed. A dynamic
 * `import()` is allowed by `script-src 'self'` (or the CDN's origin, which must send CORS headers,
 * as it must for the worker anyway) and is not a Trusted Types sink.
 */
function loadModule<F extends keyof LazyModules>(
  file: F,
  base: string,
  reporter: Reporter,
  run: (module: LazyModules[F]) => void,
): void {
  import(/* webpackIgnore: true */ new URL(file, base).href)
    .then((module: LazyModules[F]) => run(module))
    .catch((error: unknown) => reporter.error(error, file));
}

boot();
