import { createEngine } from './engine.js';
import { expose } from './expose.js';
import { READY_MESSAGE, WARNING_MESSAGE } from '../common/messages.js';
import type { PageEngine } from '../common/protocol.js';
import { forTheWire } from './wire-ranking.js';

declare const WorkerGlobalScope: { new (): unknown } | undefined;

/**
 * One module, two rooms: started as a module worker it exposes the engine over comlink's protocol; imported on
 * the page (the in-thread fallback when no worker may start) it only exports `createEngine`.
 */
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const warn = (message: string) => self.postMessage({ type: WARNING_MESSAGE, message });
  const engine = createEngine({ onWarning: warn });
  // Rankings cross to the page without the items' fields: the page puts its own items back.
  expose({ ...engine, rank: async (request) => forTheWire(await engine.rank(request)) } satisfies PageEngine);
  self.postMessage({ type: READY_MESSAGE });
}

export { createEngine };
