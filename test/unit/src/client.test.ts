import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectEngine } from '../../../src/client.js';
import type { PageEngine } from '../../../common/protocol.js';

/** A worker that never says it is ready: connectEngine gives up after `readyTimeoutMs` and goes in-thread. */
class SilentWorker {
  addEventListener(): void {}
  terminate(): void {}
}

const inThread = {} as PageEngine;
const reporter = { warn: vi.fn(), error: vi.fn() };

describe('connectEngine: which worker starts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("starts the bundler's worker when the site set no workerUrl", async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const bundledWorker = vi.fn(() => new SilentWorker() as unknown as Worker);
    const createWorker = vi.fn(() => new SilentWorker() as unknown as Worker);
    const engine = await connectEngine({
      workerUrl: 'beside.js',
      bundledWorker,
      createWorker,
      loadInThread: async () => inThread,
      readyTimeoutMs: 5,
      reporter,
    });
    expect(bundledWorker).toHaveBeenCalledTimes(1);
    expect(createWorker).not.toHaveBeenCalled();
    expect(engine).toBe(inThread);
  });

  it("uses the site's createWorker with the workerUrl otherwise", async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const createWorker = vi.fn(() => new SilentWorker() as unknown as Worker);
    await connectEngine({
      workerUrl: 'https://cdn.example/inkling.worker.js',
      createWorker,
      loadInThread: async () => inThread,
      readyTimeoutMs: 5,
      reporter,
    });
    expect(createWorker).toHaveBeenCalledWith('https://cdn.example/inkling.worker.js');
  });

  it('goes in-thread, starting no worker, with neither', async () => {
    vi.stubGlobal('Worker', vi.fn());
    expect(await connectEngine({ loadInThread: async () => inThread, reporter })).toBe(inThread);
    expect(Worker).not.toHaveBeenCalled();
  });
});
