import type { Engine } from '../worker/protocol.js';
import type { Ranking } from './types.js';
import { createInklingWith, type Inkling } from './inkling.js';
import { personalizePage } from './page.js';
import { isReturning } from './returning.js';
import { createReporter, type Reporter } from './report.js';
import { concealSlots } from './slots/conceal.js';
import { readTagOptions } from './tag-options.js';

/** The script tag's global before it loads: the stub queue of calls (`Inkling.q.push(['track', {...}])`). */
type QueuedCall = readonly [method: string, ...args: unknown[]];
const PAUSED_KEY = 'inkling:paused';

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
    const options = readTagOptions(script);
    reporter = createReporter(options.onError);
    const base = script?.src || document.baseURI;
    const workerUrl = options.workerUrl ?? new URL('inkling.worker.js', base);
    const inkling = createInklingWith(options, { workerUrl, loadInThread: () => loadEngineModule(workerUrl), eager: true });
    if (readFlag(PAUSED_KEY)) inkling.pause(true);
    const budget = options.rankBudgetMs ?? 150;
    const concealer = isReturning() && inkling.mode !== 'off' ? concealSlots(document, 3000 + budget) : undefined;
    const rankings = new Map<string, Ranking>();
    if (options.debug) inkling.on('ranked', ({ slot, ranking }) => void rankings.set(slot, ranking));

    const queued = (window as { Inkling?: { q?: QueuedCall[] } }).Inkling?.q ?? [];
    (window as unknown as { Inkling: Inkling }).Inkling = inkling;
    for (const [method, ...args] of queued) callQueued(inkling, method, args, reporter);

    const start = () => {
      try {
        // The UI loads once the slots are settled: it must not compete with the first ranking.
        const loadUis = () => {
          const root = options.panel ? document.querySelector(options.panel) : null;
          if (root) loadUi('inkling-panel.js', base, reporter, (ui) => ui.mountPanel?.(inkling, root, { pausedKey: PAUSED_KEY }));
          if (options.debug) loadUi('inkling-debug.js', base, reporter, (ui) => ui.mountDebugOverlay?.(inkling, document, rankings));
        };
        personalizePage(inkling, reporter, { rankBudgetMs: budget, explain: options.debug === true, onSettled: loadUis, ...(concealer ? { concealer } : {}) });
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
  if (typeof target !== 'function') return reporter.error(new Error(`unknown method ${method}`), 'queued call');
  try {
    void (target as (...a: unknown[]) => unknown).apply(inkling, args);
  } catch (error) {
    reporter.error(error, `queued ${method}`);
  }
}

/** The worker module doubles as the in-thread engine: imported on the page, it exports `createEngine`. */
async function loadEngineModule(url: string | URL): Promise<Engine> {
  const module = (await import(/* webpackIgnore: true */ String(url))) as { createEngine?: () => Engine };
  if (!module.createEngine) throw new Error(`${String(url)} does not export createEngine`);
  return module.createEngine();
}

interface UiModule {
  mountPanel?: (inkling: Inkling, root: Element, options: { pausedKey: string }) => void;
  mountDebugOverlay?: (inkling: Inkling, doc: Document, rankings: Map<string, Ranking>) => void;
}

/** Panel and overlay are ES modules beside this script, fetched only on the pages that use them. */
function loadUi(file: string, base: string, reporter: Reporter, mount: (ui: UiModule) => void): void {
  import(/* webpackIgnore: true */ new URL(file, base).href)
    .then((ui: UiModule) => mount(ui))
    .catch((error: unknown) => reporter.error(error, file));
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

boot();
