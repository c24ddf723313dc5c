import { READY_MESSAGE, WARNING_MESSAGE, type WorkerNotice } from '../common/messages.js';
import type { EngineConfig, PageEngine } from '../common/protocol.js';
import type { Reporter } from './report.js';
import { DEADLINE_ERROR, ENGINE_METHODS, remote } from './rpc.js';
import { scriptUrl } from './trusted.js';

/** How the main thread reaches the engine. Every field is a seam tests and hosting setups can replace. */
export interface ClientOptions {
  /** URL of `inkling.worker.js` (an ES module). Without it, the engine runs in-thread. */
  readonly workerUrl?: string | URL;
  /** Creates the worker; replace to use a bundler's worker import. */
  readonly createWorker?: (url: string | URL) => Worker;
  /** Starts the worker a bundler resolved; wins over `workerUrl` (the caller passes it only when the site set neither). */
  readonly bundledWorker?: () => Worker;
  /** Loads the same engine on the main thread when no worker can start. */
  readonly loadInThread: () => Promise<PageEngine>;
  /** How long the worker may take to load before the in-thread engine is used. Default 5000 ms. */
  readonly readyTimeoutMs?: number;
  /** How long one call may wait for the worker's answer before it fails and the worker is replaced. Default 10 s. */
  readonly callTimeoutMs?: number;
  readonly reporter: Reporter;
}

/**
 * Starts the engine in a module worker, or in-thread when no worker can start (CSP, Trusted Types,
 * 404, old browser): one warning, never an error on the page. Calls made before the worker is ready
 * simply wait for it.
 */
export async function connectEngine(options: ClientOptions): Promise<PageEngine> {
  const create = workerFactory(options);
  if (create && typeof Worker !== 'undefined') {
    try {
      return supervise(await startWorker(create, options), options, () => startWorker(create, options));
    } catch (error) {
      options.reporter.warn(
        `worker unavailable (${error instanceof Error ? error.message : String(error)}); running in-thread`,
      );
    }
  }
  return options.loadInThread();
}

/** A worker's engine, and the way to stop it. */
type WorkerEngine = PageEngine & { terminate?: () => void };

/**
 * Watches a worker's answers: the first call that misses its deadline replaces the worker with a new
 * one (configured as the last was), the next with the in-thread engine. The call that missed fails (its
 * caller falls back, a ranking to the original order); later calls go to the replacement.
 */
function supervise(first: WorkerEngine, options: ClientOptions, restart: () => Promise<WorkerEngine>): PageEngine {
  let current: Promise<WorkerEngine> = Promise.resolve(first);
  /** The engine calls go to; unset while its replacement starts. */
  let live: WorkerEngine | undefined = first;
  let restarts = 0;
  let config: EngineConfig = {};
  const replace = (stuck: WorkerEngine) => {
    stuck.terminate?.();
    live = undefined;
    const next = restarts++ ? options.loadInThread() : restart().catch(options.loadInThread);
    options.reporter.warn('the worker stopped answering; replacing it');
    current = next.then(async (engine) => (await engine.configure(config).catch(() => undefined), (live = engine)));
  };
  const engine: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of ENGINE_METHODS) {
    engine[method] = async (...args) => {
      if (method === 'configure') config = { ...config, ...(args[0] as EngineConfig) };
      const target = await current;
      try {
        return await (target[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if ((error as Error)?.name === DEADLINE_ERROR && restarts < 2 && target === live) replace(target);
        throw error;
      }
    };
  }
  return engine as unknown as PageEngine;
}

/**
 * A worker must come from the page's origin. When the SDK is on another origin (a CDN), a same-origin
 * `blob:` module imports it; that needs the CDN to send CORS headers (they all do) and `blob:` in
 * the page's `worker-src`. A same-origin `workerUrl` option avoids both.
 */
export function workerScriptUrl(url: string | URL, origin = globalThis.location?.origin): string {
  const absolute = new URL(url, globalThis.location?.href);
  if (absolute.origin === origin) return absolute.href;
  const source = `import ${JSON.stringify(absolute.href)};`;
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

/** How this page starts its worker: the bundler's, else from `workerUrl`, else none (in-thread). */
function workerFactory(options: ClientOptions): (() => Worker) | undefined {
  const url = options.workerUrl;
  if (options.bundledWorker) return options.bundledWorker;
  if (url === undefined) return undefined;
  if (options.createWorker) return () => options.createWorker!(url);
  return () => new Worker(scriptUrl(workerScriptUrl(url)), { type: 'module', name: 'inkling' });
}

function startWorker(create: () => Worker, options: ClientOptions): Promise<WorkerEngine> {
  const worker = create();
  return new Promise<WorkerEngine>((resolve, reject) => {
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return options.reporter.warn(`worker error: ${reason}`);
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail('it did not start in time'), options.readyTimeoutMs ?? 5000);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(event.message || 'it failed to load');
    });
    worker.addEventListener('message', (event: MessageEvent<WorkerNotice>) => {
      if (event.data?.type === WARNING_MESSAGE) options.reporter.warn(String(event.data.message));
      if (event.data?.type !== READY_MESSAGE || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(
        Object.assign(remote<PageEngine>(worker, ENGINE_METHODS, options.callTimeoutMs), {
          terminate: () => worker.terminate(),
        }),
      );
    });
  });
}
