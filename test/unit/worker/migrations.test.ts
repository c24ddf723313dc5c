import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import { SCHEMA_VERSION } from '../../../worker/store/schema.js';
import { faultyIndexedDB, openRaw } from './faulty-idb.js';

const NOW = 1_700_000_000_000;
const DAY = 86_400_000;

/**
 * Builds a database exactly as schema version 1 or 2 of the SDK left it (both had one record per event
 * in `events`, keyed by id, with a `byTime` index), with whatever records a test needs.
 */
async function legacy(
  factory: IDBFactory,
  version: 1 | 2,
  records: readonly unknown[],
  values: Record<string, unknown> = {},
): Promise<void> {
  const db = await openRaw(factory, version, (created) => {
    created.createObjectStore('events', { keyPath: 'id' }).createIndex('byTime', 'time');
    created.createObjectStore('values');
  });
  const tx = db.transaction(['events', 'values'], 'readwrite');
  for (const record of records) tx.objectStore('events').put(record);
  for (const [key, value] of Object.entries(values)) tx.objectStore('values').put(value, key);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

/** The object stores the database has now, read without the store's help. */
async function storeNames(factory: IDBFactory): Promise<string[]> {
  const db = await openRaw(factory);
  const names = [...db.objectStoreNames];
  db.close();
  return names;
}

/** Good events, one from the future, and what a foreign or half-written record can look like. */
const MIXED = [
  { id: 'good', type: 'click', itemId: 'x', time: NOW - 5 },
  { id: 'future', type: 'view', itemId: 'y', time: NOW + 10 * DAY },
  { id: 'no-time', type: 'click', itemId: 'x' },
  { id: 'nan-time', type: 'click', itemId: 'x', time: Number.NaN },
  { id: 'bad-type', type: 'hover', itemId: 'x', time: NOW },
  { id: 'no-item', type: 'click', time: NOW },
  { id: 'string', value: 'garbage' },
];

describe('schema migrations', () => {
  it('creates the current schema from nothing (version 0)', async () => {
    const { factory, real } = faultyIndexedDB();
    const store = await openIdbStore({ factory, now: () => NOW });
    await store.append([{ id: 'a', type: 'click', itemId: 'x', time: NOW - 1 }]);
    expect(await store.events()).toHaveLength(1);
    expect(await real.databases()).toEqual([{ name: 'inkling', version: SCHEMA_VERSION }]);
    expect((await storeNames(real)).sort()).toEqual(['chunks', 'values']);
  });

  it.each([1, 2] as const)(
    'upgrades version %i: keeps good records and values, drops corrupt ones, clamps future times',
    async (version) => {
      const { factory, real } = faultyIndexedDB();
      await legacy(factory, version, MIXED, { 'model-weights': { kind: 'logistic' } });
      const store = await openIdbStore({ factory, now: () => NOW });
      const events = await store.events();
      expect(events.map((e) => e.id)).toEqual(['good', 'future']);
      expect(events[1]!.time).toBe(NOW);
      expect(await store.getValue('model-weights')).toEqual({ kind: 'logistic' });
      expect((await storeNames(real)).sort()).toEqual(['chunks', 'values']);
      // Every remaining event is reachable by retention, so retention can remove them all.
      expect(await store.purge(NOW + 1)).toBe(2);
      expect(await store.events()).toEqual([]);
    },
  );

  it('moves every event of a large version 2 database into chunks, none lost, oldest first', async () => {
    const { factory } = faultyIndexedDB();
    const records = Array.from({ length: 1200 }, (_, i) => ({
      id: `e${i}`,
      type: 'impression',
      itemId: `sku-${i % 40}`,
      time: NOW - DAY + ((i * 7919) % 1200) * 1000,
    }));
    await legacy(factory, 2, records);
    const store = await openIdbStore({ factory, now: () => NOW });
    const events = await store.events();
    expect(events.map((e) => e.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(events.map((e) => e.time)).toEqual(records.map((r) => r.time).sort((a, b) => a - b));
    // And new batches land beside them.
    await store.append([{ id: 'new', type: 'click', itemId: 'x', time: NOW }]);
    expect(await store.events()).toHaveLength(1201);
  });

  it('leaves the older version intact when its upgrade fails, and says why', async () => {
    const { factory, real } = faultyIndexedDB();
    // Another script on the site made a version 2 `inkling` database of its own, without `events`.
    (await openRaw(factory, 2, (db) => db.createObjectStore('theirs'))).close();
    const warnings: string[] = [];
    await expect(openIdbStore({ factory, now: () => NOW, onWarning: (m) => warnings.push(m) })).rejects.toThrow();
    expect(warnings).toEqual([expect.stringContaining('migration failed')]);
    expect(await real.databases()).toEqual([{ name: 'inkling', version: 2 }]);
    expect(await storeNames(real)).toEqual(['theirs']);
  });
});
