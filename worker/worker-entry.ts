import { expose } from 'comlink';
import { createEngine } from './engine.js';
import { READY_MESSAGE, WARNING_MESSAGE } from './messages.js';

declare const WorkerGlobalScope: { new (): unknown } | undefined;

/**
 * One module, two rooms: started as a module worker it exposes the engine over comlink; imported on
 * the page (the in-thread fallback when no worker may start) it only exports `createEngine`.
 */
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const warn = (message: string) => self.postMessage({ type: WARNING_MESSAGE, message });
  expose(createEngine({ onWarning: warn }));
  self.postMessage({ type: READY_MESSAGE });
}

export { createEngine };
