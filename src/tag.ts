import type { Engine } from '../worker/protocol.js';
import { createInklingWith, type Inkling, type InklingOptions } from './inkling.js';
import { personalizePage } from './page.js';
import { createReporter } from './report.js';
import type { ConsentState, PrivacyMode, Recipe } from './types.js';

/** The script tag's global: the API plus the stub queue of calls made before the script loaded. */
type QueuedCall = readonly [method: string, ...args: unknown[]];
interface InklingGlobal {
  q?: QueuedCall[];
}

/**
 * Script-tag entry. Reads its options from its own `data-` attributes (and `window.InklingConfig`),
 * starts the engine in a worker loaded from beside this script, personalizes the page's slots and
 * replays calls queued on `window.Inkling.q`.
 */
function boot(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  const reporter = createReporter();
  try {
    const options = readOptions(script);
    const workerUrl = options.workerUrl ?? (script?.src ? new URL('inkling.worker.js', script.src) : undefined);
    const inkling = createInklingWith(options, { workerUrl, loadInThread: () => loadEngineModule(workerUrl) });
    const queued = (window as { Inkling?: InklingGlobal }).Inkling?.q ?? [];
    (window as unknown as { Inkling: Inkling }).Inkling = inkling;
    for (const [method, ...args] of queued) callQueued(inkling, method, args, reporter);
    const budget = Number(script?.getAttribute('data-inkling-rank-budget'));
    const pageOptions = Number.isFinite(budget) && budget > 0 ? { rankBudgetMs: budget } : {};
    const start = () => personalizePage(inkling, createReporter(options.onError), pageOptions);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  } catch (error) {
    reporter.error(error, 'startup');
  }
}

function readOptions(script: HTMLScriptElement | null): InklingOptions {
  const data = (name: string) => script?.getAttribute(`data-inkling-${name}`) ?? undefined;
  const fromWindow = (window as { InklingConfig?: InklingOptions }).InklingConfig ?? {};
  const recipesId = data('recipes');
  const recipesJson = recipesId ? document.getElementById(recipesId)?.textContent : undefined;
  const retention = data('retention-days');
  return {
    ...fromWindow,
    ...(data('worker') ? { workerUrl: new URL(data('worker')!, document.baseURI) } : {}),
    ...(data('mode') ? { mode: data('mode') as PrivacyMode } : {}),
    ...(data('consent') ? { consent: data('consent') as ConsentState } : {}),
    ...(retention ? { retentionDays: Number(retention) } : {}),
    ...(recipesJson ? { recipes: JSON.parse(recipesJson) as Record<string, Recipe> } : {}),
  };
}

function callQueued(inkling: Inkling, method: string, args: unknown[], reporter: ReturnType<typeof createReporter>): void {
  const target = (inkling as unknown as Record<string, unknown>)[method];
  if (typeof target !== 'function') return reporter.error(new Error(`unknown method ${method}`), 'queued call');
  try {
    void (target as (...a: unknown[]) => unknown).apply(inkling, args);
  } catch (error) {
    reporter.error(error, `queued ${method}`);
  }
}

/** The worker module doubles as the in-thread engine: imported on the page, it exports `createEngine`. */
async function loadEngineModule(url: string | URL | undefined): Promise<Engine> {
  if (!url) throw new Error('no engine URL: set data-inkling-worker');
  const module = (await import(/* webpackIgnore: true */ String(url))) as { createEngine?: () => Engine };
  if (!module.createEngine) throw new Error(`${String(url)} does not export createEngine`);
  return module.createEngine();
}

boot();
