import { describe, expect, it, vi } from 'vitest';
import { createBatcher, type Outbox } from '../../../src/tracker/batcher.js';
import type { InklingEvent } from '../../../common/types.js';

const event = (id: string): InklingEvent => ({ id, type: 'click', itemId: id, time: 1 });
function memoryOutbox(initial: InklingEvent[] = []): Outbox & { saved: InklingEvent[] } {
  const box = {
    saved: initial,
    load: () => box.saved,
    save: (events: readonly InklingEvent[]) => void (box.saved = [...events]),
  };
  return box;
}

describe('batcher', () => {
  it('sends queued events as one batch', async () => {
    const send = vi.fn(async () => undefined);
    const batcher = createBatcher({ send, onError: () => undefined, delayMs: 10_000 });
    batcher.add(event('a'));
    batcher.add(event('b'));
    await batcher.flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]).toEqual([[event('a'), event('b')]]);
  });

  it('sends a burst queued in one task (a grid of impressions) as that task ends, not after the quiet time', async () => {
    const send = vi.fn(async () => undefined);
    const batcher = createBatcher({ send, onError: () => undefined, delayMs: 10_000 });
    for (let i = 0; i < 19; i++) batcher.add(event(`a${i}`));
    await Promise.resolve();
    // A few events wait for the quiet time, to go with what comes next.
    expect(send).not.toHaveBeenCalled();
    for (let i = 0; i < 81; i++) batcher.add(event(`b${i}`));
    await Promise.resolve();
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0] as unknown as [InklingEvent[]])[0]).toHaveLength(100);
  });

  it('parks unconfirmed events when the page goes away and sends them on the next page', async () => {
    const outbox = memoryOutbox();
    const never = createBatcher({ send: () => new Promise(() => undefined), outbox, onError: () => undefined });
    never.add(event('a'));
    never.park();
    expect(outbox.saved.map((e) => e.id)).toEqual(['a']);

    const received: InklingEvent[] = [];
    const next = createBatcher({
      send: async (events) => void received.push(...events),
      outbox,
      onError: () => undefined,
    });
    await next.flush();
    await vi.waitFor(() => expect(received.map((e) => e.id)).toEqual(['a']));
    expect(outbox.saved).toEqual([]);
  });

  it('keeps a failed batch for the next flush and reports the error', async () => {
    let fail = true;
    const received: InklingEvent[] = [];
    const onError = vi.fn();
    const batcher = createBatcher({
      send: async (events) => {
        if (fail) throw new Error('worker gone');
        received.push(...events);
      },
      onError,
    });
    batcher.add(event('a'));
    await batcher.flush();
    expect(onError).toHaveBeenCalledOnce();
    fail = false;
    await batcher.flush();
    expect(received.map((e) => e.id)).toEqual(['a']);
  });

  it('resolves flush() only once a batch already in flight has been delivered', async () => {
    let deliver!: () => void;
    const delivered: string[] = [];
    const batcher = createBatcher({
      send: (events) =>
        new Promise<void>((resolve) => (deliver = () => (delivered.push(...events.map((e) => e.id!)), resolve()))),
      onError: () => undefined,
    });
    batcher.add(event('a'));
    batcher.park();
    let flushed = false;
    const flushing = batcher.flush().then(() => (flushed = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flushed).toBe(false);
    deliver();
    await flushing;
    expect(delivered).toEqual(['a']);
  });
});

describe('batcher: an event the worker cannot receive', () => {
  it('is dropped with one error, and the events queued with it and after it are delivered', async () => {
    const received: string[] = [];
    const onError = vi.fn();
    // postMessage clones its argument: a function in an event fails the whole batch with a DataCloneError.
    const send = async (events: readonly InklingEvent[]) =>
      void received.push(...structuredClone(events).map((e) => e.id!));
    const batcher = createBatcher({ send, onError, delayMs: 10_000 });
    batcher.add(event('g1'));
    batcher.add({ ...event('bad'), item: { addToCart() {} } as never });
    batcher.add(event('g2'));
    await batcher.flush();
    await batcher.flush();
    batcher.add(event('g3'));
    await batcher.flush();
    expect(received).toEqual(['g1', 'g2', 'g3']);
    expect(onError).toHaveBeenCalledOnce();
  });
});
