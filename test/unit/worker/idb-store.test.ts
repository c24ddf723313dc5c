// idb recognises requests by the global classes; each test still gets its own factory.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import type { InklingEvent } from '../../../common/types.js';
import { faultyIndexedDB, openRaw } from './faulty-idb.js';

const event = (id: string, time: number): InklingEvent => ({ id, type: 'click', itemId: `item-${id}`, time });
const fresh = (now = () => 1_000) => {
  const idb = faultyIndexedDB();
  return openIdbStore({ name: 'inkling', factory: idb.factory, now });
};

/** Records in one object store of the `inkling` database, read without the store's help. */
async function countRecords(factory: IDBFactory, name: string): Promise<number> {
  const db = await openRaw(factory);
  const count = await new Promise<number>((resolve) => {
    const request = db.transaction(name).objectStore(name).count();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return count;
}

describe('IndexedDB store', () => {
  it('appends batches and reads them back oldest first', async () => {
    const store = await fresh();
    await store.append([event('b', 20), event('a', 10)]);
    await store.append([event('c', 30)]);
    expect((await store.events()).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    // A later batch (another tab's, a parked one) can hold older events than the batches before it.
    await store.append([event('d', 15)]);
    expect((await store.events()).map((e) => e.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('keeps an event written twice exactly once', async () => {
    const store = await fresh();
    await store.append([event('a', 10)]);
    await store.append([event('a', 10), event('b', 11)]);
    expect(await store.events()).toHaveLength(2);
  });

  it('drops malformed events and gives id-less ones an id', async () => {
    const store = await fresh();
    const bad = [
      { type: 'click', itemId: '', time: 1 },
      { type: 'nope', itemId: 'x', time: 1 },
      { type: 'click', itemId: 'x', time: Number.NaN },
    ] as InklingEvent[];
    await store.append([...bad, { type: 'view', itemId: 'y', time: 5 }]);
    const stored = await store.events();
    expect(stored.map((e) => e.itemId)).toEqual(['y']);
    expect(typeof stored[0]!.id).toBe('string');
  });

  it('purges events older than the cut-off and says how many', async () => {
    const store = await fresh();
    await store.append([event('a', 10), event('b', 20), event('c', 30)]);
    expect(await store.purge(25)).toBe(2);
    expect((await store.events()).map((e) => e.id)).toEqual(['c']);
  });

  it('stores a batch as records of at most 500 events, in one transaction, and reads it back whole', async () => {
    const idb = faultyIndexedDB();
    const store = await openIdbStore({ name: 'inkling', factory: idb.factory, now: () => 1e6 });
    const batch = Array.from({ length: 1234 }, (_, i) => event(`e${i}`, 1000 + ((i * 7919) % 1234)));
    const before = idb.writes.count;
    await store.append(batch);
    expect(idb.writes.count - before).toBe(1);
    expect(await countRecords(idb.real, 'chunks')).toBe(3);
    const read = await store.events();
    expect(read).toHaveLength(1234);
    expect(new Set(read.map((e) => e.id)).size).toBe(1234);
    expect(read.map((e) => e.time)).toEqual([...batch.map((e) => e.time)].sort((a, b) => a - b));
  });

  it('retention deletes wholly expired chunks, rewrites a partly expired one and leaves newer ones alone', async () => {
    const store = await fresh();
    await store.append([event('a1', 1), event('a2', 2)]);
    await store.append([event('b3', 3), event('b4', 4)]);
    await store.append([event('c5', 5), event('c6', 6)]);
    expect(await store.purge(4)).toBe(3);
    expect((await store.events()).map((e) => e.id)).toEqual(['b4', 'c5', 'c6']);
    // Partly expired chunks are trimmed on disk too: a second purge at the same cut-off finds nothing.
    expect(await store.purge(4)).toBe(0);
  });

  it('clamps events from the future so that they still expire', async () => {
    let now = 1_000_000;
    const store = await fresh(() => now);
    await store.append([event('future', now + 365 * 86_400_000), event('ok', now - 10)]);
    expect((await store.events()).map((e) => e.time)).toEqual([now - 10, now]);
    // The clock jumps back a year: what was written "now" is now in the future; purging re-stamps it.
    const written = now;
    now -= 365 * 86_400_000;
    expect(await store.purge(now - 1000)).toBe(0);
    expect((await store.events()).every((e) => e.time <= now)).toBe(true);
    now += 90 * 86_400_000;
    expect(await store.purge(now - 30 * 86_400_000)).toBe(2);
    expect(written).toBeGreaterThan(now);
  });

  it('keeps values and erases everything on clear', async () => {
    const store = await fresh();
    await store.putValue('weights', { w: [1, 2] });
    await store.append([event('a', 10)]);
    expect(await store.getValue('weights')).toEqual({ w: [1, 2] });
    await store.clear();
    expect(await store.events()).toEqual([]);
    expect(await store.getValue('weights')).toBeUndefined();
  });
});

describe('IndexedDB store faults', () => {
  it.each(['plain', 'wrapped'] as const)(
    'evicts the oldest events and retries once when the quota is hit (%s error)',
    async (shape) => {
      const idb = faultyIndexedDB();
      const warnings: string[] = [];
      const store = await openIdbStore({ factory: idb.factory, onWarning: (m) => warnings.push(m) });
      // One batch each: eviction takes whole chunks, so a tenth of 20 one-event chunks is the two oldest.
      for (let i = 0; i < 20; i++) await store.append([event(`old${i}`, i)]);
      Object.assign(idb.faults, { quotaWrites: 1, quotaShape: shape });
      await store.append([event('new', 100)]);
      const ids = (await store.events()).map((e) => e.id);
      expect(ids).toContain('new');
      expect(ids).not.toContain('old0');
      expect(ids).not.toContain('old1');
      expect(ids).toContain('old2');
      expect(warnings.some((m) => m.includes('evicted'))).toBe(true);
    },
  );

  it('evicts whole chunks while every put fails (Chromium over its quota), so that the retry succeeds', async () => {
    const idb = faultyIndexedDB();
    const warnings: string[] = [];
    const store = await openIdbStore({ factory: idb.factory, onWarning: (m) => warnings.push(m) });
    await store.append(Array.from({ length: 10 }, (_, i) => event(`old${i}`, i)));
    await store.append(Array.from({ length: 10 }, (_, i) => event(`mid${i}`, 10 + i)));
    idb.faults.full = true;
    await store.append([event('new', 100)]);
    // A tenth of 20 events is 2, but only the whole oldest chunk could go: trimming it is a put, which would fail.
    expect((await store.events()).map((e) => e.id)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `mid${i}`),
      'new',
    ]);
    expect(warnings).toEqual(['storage was full; the oldest events were evicted']);
    // And `new` is on disk, not only in this visit's memory.
    expect((await (await openIdbStore({ factory: idb.factory })).events()).map((e) => e.id)).toContain('new');
  });

  it('retention still deletes wholly expired chunks while every put fails', async () => {
    const idb = faultyIndexedDB();
    const store = await openIdbStore({ factory: idb.factory, onWarning: () => undefined });
    await store.append([event('a1', 1), event('a2', 2)]);
    await store.append([event('b3', 3), event('b4', 4)]);
    idb.faults.full = true;
    expect(await store.purge(4)).toBe(3);
    expect((await store.events()).map((e) => e.id)).toEqual(['b4']);
  });

  it('never throws when the retry fails too, and keeps the batch in memory for the visit', async () => {
    const idb = faultyIndexedDB();
    const store = await openIdbStore({ factory: idb.factory, onWarning: () => undefined });
    idb.faults.quotaWrites = 2;
    await expect(store.append([event('a', 1)])).resolves.toBeUndefined();
    expect((await store.events()).map((e) => e.id)).toEqual(['a']);
    idb.faults.quotaWrites = 2;
    await expect(store.putValue('weights', [1])).resolves.toBeUndefined();
    expect(await store.getValue('weights')).toEqual([1]);
  });

  it('reopens a connection lost mid-visit and keeps the events written meanwhile', async () => {
    const idb = faultyIndexedDB();
    const warn = vi.fn();
    const store = await openIdbStore({ factory: idb.factory, onWarning: warn });
    await store.append([event('before', 1)]);
    idb.loseConnections();
    await Promise.all([store.append([event('during1', 2)]), store.append([event('during2', 3)])]);
    expect((await store.events()).map((e) => e.id)).toEqual(['before', 'during1', 'during2']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('connection was lost'));
    // And it really is on disk: a second connection sees it.
    const other = await openIdbStore({ factory: idb.factory });
    expect(await other.events()).toHaveLength(3);
  });

  it('closes its connection when another tab opens a newer schema, instead of blocking it', async () => {
    const idb = faultyIndexedDB();
    const store = await openIdbStore({ factory: idb.factory, onWarning: () => undefined });
    await store.append([event('a', 1)]);
    const blocked = vi.fn();
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.real.open('inkling', 99);
      request.onblocked = blocked;
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(blocked).not.toHaveBeenCalled();
    expect(upgraded.version).toBe(99);
    // This tab can no longer open its (older) schema; it keeps working from memory without throwing.
    await expect(store.append([event('b', 2)])).resolves.toBeUndefined();
    expect((await store.events()).map((e) => e.id)).toContain('b');
  });

  it('rejects when open() throws, so that the caller can fall back to memory', async () => {
    const idb = faultyIndexedDB({ openThrows: true });
    await expect(openIdbStore({ factory: idb.factory })).rejects.toThrow(/denied/);
  });
});
