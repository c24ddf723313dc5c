import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/engine.js';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import type { InklingEvent } from '../../../common/types.js';
import { faultyIndexedDB } from './faulty-idb.js';

const NOW = 1_700_000_000_000;
const DAY = 86_400_000;
const click = (id: string, time = NOW - 1000): InklingEvent => ({
  id,
  type: 'click',
  itemId: `item-${id}`,
  time,
  item: { category: 'tents' },
});
const engineOn = (indexedDB: IDBFactory) => createEngine({ indexedDB, now: () => NOW, learn: false });

describe('engine privacy modes', () => {
  it('session mode never creates the database, yet learns and exports the visit', async () => {
    const idb = faultyIndexedDB();
    const engine = engineOn(idb.factory);
    await engine.configure({ mode: 'session' });
    await engine.ingest([click('a')]);
    expect(await idb.real.databases()).toEqual([]);
    const ranking = await engine.rank({
      slot: 's',
      items: [
        { id: 'x', category: 'shoes' },
        { id: 'y', category: 'tents' },
      ],
    });
    expect(ranking.items[0]!.item.id).toBe('y');
    const exported = await engine.export();
    expect(exported.events.map((e) => e.id)).toEqual(['a']);
    expect(exported.mode).toBe('session');
  });

  it('off mode stores and learns nothing', async () => {
    const idb = faultyIndexedDB();
    const engine = engineOn(idb.factory);
    await engine.configure({ mode: 'off' });
    await engine.ingest([click('a')]);
    expect((await engine.export()).events).toEqual([]);
  });

  it('persists what a session learned once consent turns it to full', async () => {
    const idb = faultyIndexedDB();
    const engine = engineOn(idb.factory);
    await engine.configure({ mode: 'session' });
    await engine.ingest([click('a')]);
    await engine.configure({ mode: 'full' });
    await engine.ingest([click('b')]);
    const disk = await openIdbStore({ factory: idb.factory });
    expect((await disk.events()).map((e) => e.id).sort()).toEqual(['a', 'b']);
  });

  it('stops writing when full turns to session, and forget() still erases what earlier visits stored', async () => {
    const idb = faultyIndexedDB();
    const first = engineOn(idb.factory);
    await first.configure({ mode: 'full' });
    await first.ingest([click('old')]);
    await first.configure({ mode: 'session' });
    await first.ingest([click('new')]);
    const disk = await openIdbStore({ factory: idb.factory });
    expect((await disk.events()).map((e) => e.id)).toEqual(['old']);

    const second = engineOn(idb.factory);
    await second.configure({ mode: 'session' });
    expect((await second.export()).events.map((e) => e.id)).toEqual(['old']);
    await second.forget();
    expect(await disk.events()).toEqual([]);
    expect((await second.export()).events).toEqual([]);
  });
});

describe('engine retention and duplicates', () => {
  it('purges events past the retention period at start and when it is shortened', async () => {
    const idb = faultyIndexedDB();
    const disk = await openIdbStore({ factory: idb.factory, now: () => NOW });
    await disk.append([click('ancient', NOW - 100 * DAY), click('week', NOW - 7 * DAY), click('today')]);
    const engine = engineOn(idb.factory);
    await engine.configure({ mode: 'full' });
    expect((await engine.export()).events.map((e) => e.id)).toEqual(['week', 'today']);
    await engine.configure({ retentionDays: 1 });
    expect((await disk.events()).map((e) => e.id)).toEqual(['today']);
  });

  it('purges in whole UTC days, so that a checkpoint is voided once a day rather than at every start', async () => {
    const idb = faultyIndexedDB();
    const midnight = Math.floor(NOW / DAY) * DAY;
    const disk = await openIdbStore({ factory: idb.factory, now: () => NOW });
    // Both are past 90 days at NOW; only the first was past them at the day's start.
    await disk.append([
      click('before-midnight', midnight - 90 * DAY - 1),
      click('after-midnight', midnight - 90 * DAY + 1),
    ]);
    const engine = engineOn(idb.factory);
    await engine.configure({ mode: 'full' });
    await engine.close(); // the purge runs after the first ranking's state is in place
    expect((await disk.events()).map((e) => e.id)).toEqual(['after-midnight']);
  });

  it('purges once a UTC day per retention setting, not at every start', async () => {
    const idb = faultyIndexedDB();
    const disk = await openIdbStore({ factory: idb.factory, now: () => NOW });
    let now = NOW;
    // Each start a new tab's engine; no lock held by an earlier one (the lease fallback's would last 30 s).
    const tryLock = async <T>(_name: string, task: () => Promise<T> | T) => task();
    const start = async (retentionDays?: number) => {
      const engine = createEngine({ indexedDB: idb.factory, now: () => now, learn: false, tryLock });
      await engine.configure({ mode: 'full', retentionDays });
      await engine.close(); // the purge runs in the background, after the first ranking's state
    };
    await start();
    // Written after the day's purge (a parked batch, another tab): left until the next purge.
    await disk.append([click('expired', NOW - 100 * DAY)]);
    await start();
    expect((await disk.events()).map((e) => e.id)).toEqual(['expired']);
    await start(80); // a changed retention purges at once
    expect(await disk.events()).toEqual([]);
    await disk.append([click('expired-again', NOW - 100 * DAY)]);
    now = NOW + DAY;
    await start(80);
    expect(await disk.events()).toEqual([]);
  });

  it('counts a "Buy now" click and the confirmation page for the same item as one purchase', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.ingest([{ id: 'p1:0', type: 'purchase', itemId: 'sku-1', time: NOW - 60_000 }]);
    await engine.ingest([
      { id: 'p2:0', type: 'purchase', itemId: 'sku-1', time: NOW, orderId: 'A-1' },
      { id: 'p2:1', type: 'purchase', itemId: 'sku-2', time: NOW, orderId: 'A-1' },
    ]);
    const exported = await engine.export();
    expect(exported.events.map((e) => e.id)).toEqual(['p1:0', 'p2:1']);
    expect((exported.profile as { items: Record<string, { purchases: number }> }).items['sku-1']!.purchases).toBe(1);
  });

  it('keeps two orders with different ids, and the same order id is one purchase however late', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.ingest([
      { id: 'a', type: 'purchase', itemId: 'sku-1', time: NOW - 1000, orderId: 'A' },
      { id: 'b', type: 'purchase', itemId: 'sku-1', time: NOW - 500, orderId: 'B' },
      { id: 'c', type: 'purchase', itemId: 'sku-1', time: NOW + 5 * DAY, orderId: 'A' },
      { id: 'd', type: 'purchase', itemId: 'sku-1', time: NOW + 6 * DAY },
    ]);
    expect((await engine.export()).events.map((e) => e.id)).toEqual(['a', 'b', 'd']);
  });
});

describe('engine cross-tab work', () => {
  it('skips pruning and training while another tab holds the lock', async () => {
    const idb = faultyIndexedDB();
    const disk = await openIdbStore({ factory: idb.factory, now: () => NOW });
    await disk.append([click('ancient', NOW - 100 * DAY)]);
    const ran: string[] = [];
    const engine = createEngine({
      indexedDB: idb.factory,
      now: () => NOW,
      learn: false,
      tryLock: async (name) => void ran.push(name),
    });
    await engine.configure({ mode: 'full' });
    await engine.ingest([click('a')]);
    expect(ran).toEqual(['prune', 'train']);
    expect((await disk.events()).map((e) => e.id)).toEqual(['ancient', 'a']);
  });
});
