import type { Browser, CDPSession, Page } from 'playwright-core';

/** A DevTools session on a page's dedicated worker: Playwright gives CDP sessions to pages and frames only. */
export interface WorkerSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** The worker's JS heap in bytes, measured after a full garbage collection. */
  heapAfterGc(): Promise<number>;
  detach(): Promise<void>;
}

/** Attaches to the (one) dedicated worker of the page at `url`, through the browser's target domain. */
export async function attachToWorker(browser: Browser, page: Page): Promise<WorkerSession> {
  await page.waitForFunction(() => true);
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const workerUrl = page.workers()[0]?.url();
  const target = targetInfos.find((info) => info.type === 'worker' && info.url === workerUrl);
  if (!target) throw new Error(`no worker target for ${workerUrl ?? 'a page without workers'}`);
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
    sessionId: string;
  };
  let counter = 0;
  const waiting = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++counter;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result as T);
      });
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  return {
    send,
    async heapAfterGc() {
      await send('HeapProfiler.collectGarbage');
      return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    },
    async detach() {
      await cdp.detach();
    },
  };
}

/** Live DOM nodes of the page after a full garbage collection (CDP `Memory.getDOMCounters`). */
export async function domNodesAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Memory.getDOMCounters')) as { nodes: number }).nodes;
}

/**
 * Init script: counts engine calls posted to workers that have not been answered yet (the RPC's request
 * ids against the replies' ids), without a seam in the SDK.
 */
export function countPendingCalls(): void {
  const open = new Set<number>();
  (window as unknown as { __pendingCalls: () => number }).__pendingCalls = () => open.size;
  const RealWorker = window.Worker;
  window.Worker = class extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent<{ id?: number }>) => {
        if (typeof event.data?.id === 'number') open.delete(event.data.id);
      });
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      const id = (message as { id?: unknown } | null)?.id;
      if (typeof id === 'number') open.add(id);
      super.postMessage(message, transfer as Transferable[]);
    }
  } as typeof Worker;
}

/** Tensors alive in the worker's TF.js engine (tfjs-core keeps its engine on the global as `_tfengine`); 0 before TF.js loads. */
export function tensorCount(page: Page): Promise<number> {
  return page
    .workers()[0]!
    .evaluate(
      () => (self as unknown as { _tfengine?: { state: { numTensors: number } } })._tfengine?.state.numTensors ?? 0,
    );
}
