import { READY_MESSAGE, WARNING_MESSAGE, type WorkerNotice } from '../common/messages.js';
import type { PageEngine } from '../common/protocol.js';
import type { Reporter } from './report.js';
import { ENGINE_METHODS, remote } from './rpc.js';
import { scriptUrl } from './trusted.js';

/** How the main thread reaches the engine. Every field is a seam tests and hosting setups can replace. */
export interface ClientOptions {
  /** URL of `inkling.worker.js` (an ES module). Without it, the engine runs in-thread. */
  readonly workerUrl?: string | URL;
  /** Creates the worker; replace to use a bundler's worker import. */
  readonly createWorker?: (url: string | URL) => Worker;
  /** Loads the same engine on the main thread when no worker can start. */
  readonly loadInThread: () => Promise<PageEngine>;
  /** How long the worker may take to load before the in-thread engine is used. Default 5000 ms. */
  readonly readyTimeoutMs?: number;
  readonly reporter: Reporter;
}

/**
 * Starts the engine in a module worker, or in-thread when no worker can start (CSP, Trusted Types,
 * 404, old browser): one warning, never an error on the page. Calls made before the worker is ready
 * simply wait for it.
 */
export async function connectEngine(options: ClientOptions): Promise<PageEngine> {
  if (options.workerUrl !== undefined && typeof Worker !== 'undefined') {
    try {
      return await startWorker(options.workerUrl, options);
    } catch (error) {
      options.reporter.warn(`worker unavailable (${error instanceof Error ? error.message : String(error)}); running in-thread`);
    }
  }
  return options.loadInThread();
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

function startWorker(url: string | URL, options: ClientOptions): Promise<PageEngine> {
  const worker = options.createWorker ? options.createWorker(url) : new Worker(scriptUrl(workerScriptUrl(url)), { type: 'module', name: 'inkling' });
  return new Promise<PageEngine>((resolve, reject) => {
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
      resolve(remote<PageEngine>(worker, ENGINE_METHODS));
    });
  });
}
