// idb recognises requests by the global classes; each test still gets its own factory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/index.js';
import { DEFAULT_MAX_EVENTS, keepMostUseful, leastUseful } from '../../../worker/store/eviction.js';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import { createMemoryStore } from '../../../worker/store/memory-store.js';
import type { EventType, InklingEvent } from '../../../common/types.js';
import { faultyIndexedDB } from './faulty-idb.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const KINDS: EventType[] = ['impression', 'impression', 'impression', 'impression', 'click', 'view', 'add_to_cart'];

/** `count` events from `from` on, a purchase every 97th, the rest mostly impressions; each on its own item. */
function burst(from: number, count: number): InklingEvent[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const type: EventType = i % 97 === 0 ? 'purchase' : KINDS[i % KINDS.length]!;
    return {
      id: `e${i}`,
      type,
      itemId: `item-${i}`,
      time: NOW - 1_000_000 + i,
      pageViewId: `pv-${Math.floor(i / 50)}`,
      item: { category: `c${i % 7}` },
    };
  });
}

describe('event cap', () => {
  it('evicts impressions before clicks, views, carts, dismissals and purchases, oldest first within a kind', () => {
    const at = (type: EventType, time: number): InklingEvent => ({ type, itemId: `${type}${time}`, time });
    const events = [
      at('purchase', 1),
      at('dismiss', 2),
      at('add_to_cart', 3),
      at('view', 4),
      at('click', 5),
      at('impression', 7),
      at('impression', 6),
    ];
    const order = (count: number) => [...leastUseful(events, count)].map((index) => events[index]!.itemId).sort();
    expect(order(2)).toEqual(['impression6', 'impression7']);
    expect(order(3)).toEqual(['click5', 'impression6', 'impression7']);
    expect(order(6)).toEqual(['add_to_cart3', 'click5', 'dismiss2', 'impression6', 'impression7', 'view4']);
    expect([...leastUseful([at('impression', 9), at('impression', 8)], 1)]).toEqual([1]);
    // The same object twice (a resent batch held in memory) is two events: evicting one keeps the other.
    const twice = at('click', 3);
    expect(keepMostUseful([twice, twice, at('view', 1)], 2)).toEqual([twice, at('view', 1)]);
  });

  it.each([
    ['memory', () => createMemoryStore()],
    ['IndexedDB', () => openIdbStore({ name: 'inkling', factory: faultyIndexedDB().factory, now: () => NOW })],
  ])('a %s store trims to the cap in one step and keeps every purchase', async (_, open) => {
    const store = await open();
    const events = burst(0, 3000);
    await store.append(events);
    expect(await store.trim(1000)).toBe(2000);
    const kept = await store.events();
    expect(kept).toHaveLength(1000);
    expect(kept.filter((event) => event.type === 'purchase')).toHaveLength(
      events.filter((event) => event.type === 'purchase').length,
    );
    expect(kept.some((event) => event.type === 'impression')).toBe(false);
    expect(await store.trim(1000)).toBe(0);
  });

  it("IndexedDB counts the stored events in the writing transaction, every tab's writes included", async () => {
    const idb = faultyIndexedDB();
    const open = () => openIdbStore({ name: 'inkling', factory: idb.factory, now: () => NOW });
    const [a, b] = [await open(), await open()];
    expect(a.size()).toBeUndefined();
    await a.append(burst(0, 30));
    expect(a.size()).toBe(30);
    await b.append(burst(30, 20));
    expect(b.size()).toBe(50);
    // A purge deletes the count (it may run on a full disk, where a put fails): the next append counts again.
    expect(await a.purge(NOW - 1_000_000 + 10)).toBe(10);
    expect(a.size()).toBeUndefined();
    await b.append(burst(50, 5));
    expect(b.size()).toBe(45);
    expect(await a.trim(40)).toBe(5);
    expect(a.size()).toBe(40);
    await b.append(burst(55, 1));
    expect(b.size()).toBe(41);
    await a.clear();
    expect(a.size()).toBe(0);
    await b.append(burst(56, 2));
    expect(b.size()).toBe(2);
    await Promise.all([a.close(), b.close()]);
  });

  it.each(['memory', 'IndexedDB'] as const)(
    'a %s engine fed far past its cap stores at most the cap, purchases kept, state bounded',
    async (kind) => {
      const idb = faultyIndexedDB();
      const engine = createEngine({
        storage: kind === 'memory' ? 'memory' : 'auto',
        indexedDB: idb.factory,
        databaseName: 'cap',
        now: () => NOW,
        learn: false,
        maxEvents: 1000,
      });
      await engine.configure({ mode: 'full' });
      const sent = burst(0, 20_000);
      for (let i = 0; i < sent.length; i += 250) await engine.ingest(sent.slice(i, i + 250));
      const exported = await engine.export();
      expect(exported.events.length).toBeLessThanOrEqual(1000);
      expect(exported.events.length).toBeGreaterThanOrEqual(800);
      const purchases = exported.events.filter((event) => event.type === 'purchase').length;
      expect(purchases).toBe(sent.filter((event) => event.type === 'purchase').length);
      // Every event is on its own item: a profile that kept every item it ever folded would hold 20,000.
      expect(Object.keys((exported.profile as { items: object }).items).length).toBeLessThanOrEqual(1000);
      await engine.close();
    },
  );

  it('a restarted engine still counts what it stored before (the count rides in the checkpoint)', async () => {
    const idb = faultyIndexedDB();
    // Each start a minute after the last: the prune lease (where Web Locks are missing, as in Node) has run out.
    let clock = NOW;
    const open = () =>
      createEngine({
        indexedDB: idb.factory,
        databaseName: 'cap',
        now: () => (clock += 60_000),
        learn: false,
        maxEvents: 3000,
      });
    const first = open();
    await first.configure({ mode: 'full' });
    // In one batch: a start that reads them saves a checkpoint, so the next start reads none of them back.
    await first.ingest(burst(0, 2900));
    await first.close();
    const second = open();
    await second.configure({ mode: 'full' });
    await second.export();
    await second.close();
    const third = open();
    await third.configure({ mode: 'full' });
    for (let i = 2900; i < 3400; i += 100) await third.ingest(burst(i, 100));
    expect((await third.export()).events.length).toBeLessThanOrEqual(3000);
    await third.close();
  });

  it('two tabs that each stay under the cap but together pass it: the store is trimmed (its count spans tabs)', async () => {
    const idb = faultyIndexedDB();
    const open = () =>
      createEngine({ indexedDB: idb.factory, databaseName: 'cap', now: () => NOW, learn: false, maxEvents: 1000 });
    const [a, b] = [open(), open()];
    await Promise.all([a.configure({ mode: 'full' }), b.configure({ mode: 'full' })]);
    for (let i = 0; i < 1600; i += 100) await (i % 200 === 0 ? a : b).ingest(burst(i, 100));
    await a.export();
    await b.export();
    const reader = await openIdbStore({ name: 'cap', factory: idb.factory, now: () => NOW });
    expect((await reader.events()).length).toBeLessThanOrEqual(1000);
    await Promise.all([a.close(), b.close(), reader.close()]);
  });

  it('a store already past the cap (written by an earlier build) is trimmed at start', async () => {
    const idb = faultyIndexedDB();
    const store = await openIdbStore({ name: 'cap', factory: idb.factory, now: () => NOW });
    await store.append(burst(0, 5000));
    await store.close();
    const engine = createEngine({
      indexedDB: idb.factory,
      databaseName: 'cap',
      now: () => NOW,
      learn: false,
      maxEvents: 2000,
    });
    await engine.configure({ mode: 'full' });
    expect((await engine.export()).events.length).toBeLessThanOrEqual(2000);
    await engine.close();
  });

  it('falls back to the default cap, with a warning, when the one asked for is not a positive whole number', async () => {
    const warnings: string[] = [];
    const engine = createEngine({
      storage: 'memory',
      now: () => NOW,
      learn: false,
      maxEvents: -5,
      onWarning: (line) => warnings.push(line),
    });
    await engine.configure({ mode: 'full', maxEvents: 1.5 });
    expect(warnings.filter((line) => line.includes('maxEvents'))).toHaveLength(2);
    expect(DEFAULT_MAX_EVENTS).toBe(20_000);
    await engine.close();
  });
});
