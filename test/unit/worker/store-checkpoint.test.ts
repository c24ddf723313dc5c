// The checkpoint contract both stores keep: a saved state covers exactly the events read with its mark.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { InklingEvent } from '../../../common/types.js';
import type { EventStore } from '../../../worker/store/event-store.js';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import { createMemoryStore } from '../../../worker/store/memory-store.js';
import { faultyIndexedDB } from './faulty-idb.js';

const event = (id: string, time: number): InklingEvent => ({ id, type: 'click', itemId: `item-${id}`, time });
const ids = (events: readonly InklingEvent[]) => events.map((e) => e.id);

const kinds: [string, () => Promise<EventStore>][] = [
  ['IndexedDB', () => openIdbStore({ factory: faultyIndexedDB().factory, now: () => 1_000 })],
  ['memory', async () => createMemoryStore()],
];

describe.each(kinds)('%s store checkpoint', (_kind, open) => {
  it('reads every event while there is no checkpoint', async () => {
    const store = await open();
    await store.append([event('a', 1), event('b', 2)]);
    const since = await store.eventsSince();
    expect(since.checkpoint).toBeUndefined();
    expect(ids(since.events)).toEqual(['a', 'b']);
  });

  it('after a checkpoint, reads only the events appended since, with the saved state', async () => {
    const store = await open();
    await store.append([event('a', 1), event('b', 2)]);
    const first = await store.eventsSince();
    await store.putCheckpoint('state after a, b', first.mark);
    // Appended later, one of them older than what the checkpoint holds (another tab's parked batch).
    await store.append([event('c', 3)]);
    await store.append([event('z', 0)]);
    const second = await store.eventsSince();
    expect(second.checkpoint).toBe('state after a, b');
    expect(ids(second.events)).toEqual(['z', 'c']);
    // Nothing appended since the mark: nothing to read.
    await store.putCheckpoint('state after z', second.mark);
    const third = await store.eventsSince();
    expect(third.checkpoint).toBe('state after z');
    expect(third.events).toEqual([]);
  });

  it('voids the checkpoint when a purge deletes events, and keeps it when a purge deletes none', async () => {
    const store = await open();
    await store.append([event('a', 1)]);
    await store.append([event('b', 5)]);
    await store.putCheckpoint('state', (await store.eventsSince()).mark);
    expect(await store.purge(0)).toBe(0);
    expect((await store.eventsSince()).checkpoint).toBe('state');
    expect(await store.purge(2)).toBe(1);
    const since = await store.eventsSince();
    expect(since.checkpoint).toBeUndefined();
    expect(ids(since.events)).toEqual(['b']);
  });

  it('never saves a checkpoint built from a read that a purge or an erasure came after', async () => {
    const store = await open();
    await store.append([event('a', 1), event('b', 5)]);
    const beforePurge = await store.eventsSince();
    await store.purge(2); // another tab's retention run
    await store.putCheckpoint('holds the purged a', beforePurge.mark);
    expect((await store.eventsSince()).checkpoint).toBeUndefined();

    const beforeClear = await store.eventsSince();
    await store.clear(); // forget() in another tab
    await store.putCheckpoint('holds the erased b', beforeClear.mark);
    await store.append([event('c', 9)]);
    const since = await store.eventsSince();
    expect(since.checkpoint).toBeUndefined();
    expect(ids(since.events)).toEqual(['c']);
  });

  it('drops the checkpoint when everything is erased', async () => {
    const store = await open();
    await store.append([event('a', 1)]);
    await store.putCheckpoint('state', (await store.eventsSince()).mark);
    await store.clear();
    expect(await store.eventsSince()).toMatchObject({ checkpoint: undefined, events: [] });
  });
});

describe('IndexedDB store checkpoint across connections and faults', () => {
  it('is read back by another connection (the next page view, another tab)', async () => {
    const idb = faultyIndexedDB();
    const store = await openIdbStore({ factory: idb.factory });
    await store.append([event('a', 1)]);
    await store.putCheckpoint({ profile: 'as an object too' }, (await store.eventsSince()).mark);
    await store.append([event('b', 2)]);
    const since = await (await openIdbStore({ factory: idb.factory })).eventsSince();
    expect(since.checkpoint).toEqual({ profile: 'as an object too' });
    expect(ids(since.events)).toEqual(['b']);
  });

  it('still evicts on a full disk, where every put fails, and voids the checkpoint then', async () => {
    const idb = faultyIndexedDB();
    const store = await openIdbStore({ factory: idb.factory, onWarning: () => undefined });
    await store.append(Array.from({ length: 10 }, (_, i) => event(`old${i}`, i)));
    await store.append([event('mid', 20)]);
    await store.putCheckpoint('state', (await store.eventsSince()).mark);
    idb.faults.full = true;
    await store.append([event('new', 30)]);
    const since = await store.eventsSince();
    expect(since.checkpoint).toBeUndefined();
    expect(ids(since.events)).toEqual(['mid', 'new']);
  });

  it('never evicts events to make room for a checkpoint: one that does not fit is dropped with a warning', async () => {
    const idb = faultyIndexedDB();
    const warnings: string[] = [];
    const store = await openIdbStore({ factory: idb.factory, onWarning: (message) => warnings.push(message) });
    await store.append([event('a', 1), event('b', 2)]);
    const since = await store.eventsSince();
    idb.faults.quotaWrites = 1;
    await store.putCheckpoint('too big', since.mark);
    expect(warnings).toEqual([expect.stringMatching(/^checkpoint not saved \(/)]);
    expect(await store.eventsSince()).toMatchObject({ checkpoint: undefined });
    expect(ids(await store.events())).toEqual(['a', 'b']);
  });

  it('reads every event, and saves no checkpoint, when the disk is too full to keep its generation', async () => {
    const idb = faultyIndexedDB();
    const store = await openIdbStore({ factory: idb.factory, onWarning: () => undefined });
    await store.append([event('a', 1)]);
    idb.faults.full = true;
    const since = await store.eventsSince();
    expect(ids(since.events)).toEqual(['a']);
    idb.faults.full = false;
    await store.putCheckpoint('state', since.mark);
    expect((await store.eventsSince()).checkpoint).toBeUndefined();
  });
});
