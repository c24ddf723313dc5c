import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/engine.js';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import type { InklingEvent } from '../../../common/types.js';

const NOW = 1_700_000_000_000;
const click = (id: string, category = 'tents'): InklingEvent => ({
  id,
  type: 'click',
  itemId: `item-${id}`,
  time: NOW - 1000,
  item: { category },
});

/** Records the audit wrote into `chunks` by hand: each one alone used to stop the engine from starting. */
const BAD_CHUNKS: readonly unknown[] = [
  { first: 1, last: 1, events: null },
  { first: 1, last: 1, events: [null] },
  'a string record',
  {
    first: NOW - 10,
    last: NOW - 10,
    events: [{ id: 'bad-tags', type: 'click', itemId: 'x', time: NOW - 10, item: { tags: 5 } }],
  },
  {
    first: NOW - 10,
    last: NOW - 10,
    events: [{ id: 'bad-item', type: 'view', itemId: 'y', time: NOW - 10, item: 'shoes' }],
  },
];

/** A database with one good event stored through the store, then `bad` put straight into `store`. */
async function databaseWith(bad: unknown, store: 'chunks' | 'values' = 'chunks', key?: string): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const good = await openIdbStore({ factory, now: () => NOW });
  await good.append([click('good')]);
  await good.close();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('inkling');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(bad, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return factory;
}

describe('bad records read from IndexedDB', () => {
  for (const bad of BAD_CHUNKS) {
    it(`starts, ranks, exports and forgets with ${JSON.stringify(bad)} in chunks`, async () => {
      const indexedDB = await databaseWith(bad);
      const warnings: string[] = [];
      const engine = createEngine({
        indexedDB,
        now: () => NOW,
        learn: false,
        onWarning: (message) => warnings.push(message),
      });
      await engine.configure({ mode: 'full' });
      const ranking = await engine.rank({
        slot: 's',
        items: [
          { id: 'a', category: 'shoes' },
          { id: 'b', category: 'tents' },
        ],
      });
      // The good click still counts: tents first.
      expect(ranking.items.map((entry) => entry.item.id)).toEqual(['b', 'a']);
      expect((await engine.export()).events.map((event) => event.id)).toEqual(['good']);
      expect(warnings.filter((message) => /unreadable/.test(message))).toHaveLength(1);
      await engine.forget();
      expect((await engine.export()).events).toEqual([]);
      await engine.close();
      const after = await openIdbStore({ factory: indexedDB, now: () => NOW });
      expect(await after.events()).toEqual([]);
      await after.close();
    });
  }

  it('ignores a corrupt checkpoint and corrupt weights', async () => {
    const indexedDB = await databaseWith(
      { mark: { through: 0, generation: 1 }, state: '{"version":1,"snapshots":5}' },
      'values',
      'checkpoint',
    );
    const engine = createEngine({ indexedDB, now: () => NOW, learn: false });
    await engine.configure({ mode: 'full' });
    expect((await engine.export()).events.map((event) => event.id)).toEqual(['good']);
    await engine.close();
    const weights = await databaseWith({ kind: 'mlp', layers: [{ weights: null }] }, 'values', 'model-weights');
    const second = createEngine({ indexedDB: weights, now: () => NOW });
    await second.configure({ mode: 'full' });
    const ranking = await second.rank({ slot: 's', items: [{ id: 'a' }, { id: 'b' }] });
    expect(ranking.items).toHaveLength(2);
    await second.close();
  });

  it('forget() deletes the whole database when the engine cannot read it', async () => {
    const indexedDB = await databaseWith({ first: 1, last: 1, events: null });
    // A store whose reads all fail: the engine cannot start on it, yet forget() must leave nothing behind.
    const engine = createEngine({
      indexedDB,
      now: () => NOW,
      learn: false,
      store: {
        ...(await openIdbStore({ factory: indexedDB, now: () => NOW })),
        eventsSince: () => Promise.reject(new Error('disk says no')),
        clear: () => Promise.reject(new Error('disk says no')),
      },
    });
    await engine.configure({ mode: 'full' }).catch(() => undefined);
    await engine.forget();
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain('inkling');
  });
});
