import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../worker/store/open-store.js';
import { faultyIndexedDB } from './faulty-idb.js';

describe('openStore fallbacks', () => {
  it('uses IndexedDB when it works', async () => {
    const store = await openStore({ indexedDB: faultyIndexedDB().factory }, () => undefined);
    expect(store.kind).toBe('indexeddb');
  });

  it('serves the visit from memory when open() throws, with one warning', async () => {
    const warn = vi.fn();
    const store = await openStore({ indexedDB: faultyIndexedDB({ openThrows: true }).factory }, warn);
    expect(store.kind).toBe('memory');
    expect(warn).toHaveBeenCalledOnce();
    await store.append([{ id: 'a', type: 'click', itemId: 'x', time: 1 }]);
    expect(await store.events()).toHaveLength(1);
  });

  it('gives up on an open() that never answers after the timeout (about 3 s by default)', async () => {
    vi.useFakeTimers();
    try {
      const warn = vi.fn();
      const opening = openStore({ indexedDB: faultyIndexedDB({ openHangs: true }).factory }, warn);
      await vi.advanceTimersByTimeAsync(2_900);
      expect(warn).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(200);
      expect((await opening).kind).toBe('memory');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('did not answer'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back when IndexedDB is missing altogether', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser without IndexedDB (some embedded webviews).
    delete globalThis.indexedDB;
    try {
      expect((await openStore({}, () => undefined)).kind).toBe('memory');
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
