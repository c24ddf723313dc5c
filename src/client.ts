import { READY_MESSAGE, WARNING_MESSAGE, type WorkerNotice } from '../worker/messages.js';
import type { Engine } from '../worker/protocol.js';
import type { Reporter } from './report.js';
import { ENGINE_METHODS, remote } from './rpc.js';

/** How the main thread reaches the engine. Every field is a seam tests and hosting setups can replace. */
export interface ClientOptions {
  /** URL of `inkling.worker.js`. Without it, the engine runs in-thread. */
  readonly workerUrl?: string | URL;
  /** Creates the worker; replace to use a `blob:` URL or a bundler's worker import. */
  readonly createWorker?: (url: string | URL) => Worker;
  /** Loads the same engine on the main thread when no worker can start. */
  readonly loadInThread: () => Promise<Engine>;
  /** How long the worker may take to load before the in-thread engine is used. Default 5000 ms. */
  readonly readyTimeoutMs?: number;
  readonly reporter: Reporter;
}

/**
 * Starts the engine in a worker, or in-thread when the worker cannot load (CSP, 404, cross-origin,
 * old browser); one warning either way. Callers simply await the engine: calls made before the
 * worker is ready wait for it.
 */
export async function connectEngine(options: ClientOptions): Promise<Engine> {
  if (options.workerUrl !== undefined && typeof Worker !== 'undefined') {
    try {
      return await startWorker(options.workerUrl, options);
    } catch (error) {
      options.reporter.warn(`worker unavailable (${error instanceof Error ? error.message : String(error)}); running in-thread`);
    }
  }
  return options.loadInThread();
}

function startWorker(url: string | URL, options: ClientOptions): Promise<Engine> {
  const worker = (options.createWorker ?? ((u) => new Worker(u, { type: 'module', name: 'inkling' })))(url);
  return new Promise<Engine>((resolve, reject) => {
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
      if (event.data?.type === WARNING_MESSAGE) options.reporter.warn(event.data.message ?? 'worker warning');
      if (event.data?.type !== READY_MESSAGE || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(remote<Engine>(worker, ENGINE_METHODS));
    });
  });
}
