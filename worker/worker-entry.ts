import { expose } from 'comlink';
import { createEngine } from './engine.js';
import { READY_MESSAGE, WARNING_MESSAGE } from './messages.js';

declare const WorkerGlobalScope: { new (): unknown } | undefined;

/**
 * One bundle, two rooms: inside a Web Worker it exposes the engine over comlink; loaded as a
 * classic script on the page (the in-thread fallback when no worker may start) it only defines
 * `InklingEngine.createEngine` for the loader to call.
 */
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const warn = (message: string) => self.postMessage({ type: WARNING_MESSAGE, message });
  expose(createEngine({ onWarning: warn }));
  self.postMessage({ type: READY_MESSAGE });
} else {
  (globalThis as { InklingEngine?: { createEngine: typeof createEngine } }).InklingEngine = { createEngine };
}
