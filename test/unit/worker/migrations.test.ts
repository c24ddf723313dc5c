import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import { SCHEMA_VERSION } from '../../../worker/store/schema.js';
import { faultyIndexedDB } from './faulty-idb.js';

const NOW = 1_700_000_000_000;

/** Builds a database exactly as schema version 1 of the SDK left it, with whatever records a test needs. */
async function versionOne(factory: IDBFactory, records: readonly unknown[], values: Record<string, unknown> = {}): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('inkling', 1);
    request.onupgradeneeded = () => {
      const events = request.result.createObjectStore('events', { keyPath: 'id' });
      events.createIndex('byTime', 'time');
      request.result.createObjectStore('values');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['events', 'values'], 'readwrite');
  for (const record of records) tx.objectStore('events').put(record);
  for (const [key, value] of Object.entries(values)) tx.objectStore('values').put(value, key);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

describe('schema migrations', () => {
  it('creates the current schema from nothing (version 0)', async () => {
    const { factory, real } = faultyIndexedDB();
    const store = await openIdbStore({ factory, now: () => NOW });
    await store.append([{ id: 'a', type: 'click', itemId: 'x', time: NOW - 1 }]);
    expect(await store.events()).toHaveLength(1);
    const databases = await real.databases();
    expect(databases).toEqual([{ name: 'inkling', version: SCHEMA_VERSION }]);
  });

  it('upgrades version 1, keeping good records and values, dropping corrupt ones, clamping future times', async () => {
    const { factory } = faultyIndexedDB();
    await versionOne(factory, [
      { id: 'good', type: 'click', itemId: 'x', time: NOW - 5 },
      { id: 'future', type: 'view', itemId: 'y', time: NOW + 10 * 86_400_000 },
      { id: 'no-time', type: 'click', itemId: 'x' },
      { id: 'nan-time', type: 'click', itemId: 'x', time: Number.NaN },
      { id: 'bad-type', type: 'hover', itemId: 'x', time: NOW },
      { id: 'no-item', type: 'click', time: NOW },
      { id: 'string', value: 'garbage' },
    ], { 'model-weights': { kind: 'logistic' } });
    const store = await openIdbStore({ factory, now: () => NOW });
    const events = await store.events();
    expect(events.map((e) => e.id)).toEqual(['good', 'future']);
    expect(events[1]!.time).toBe(NOW);
    expect(await store.getValue('model-weights')).toEqual({ kind: 'logistic' });
    // Every remaining record is reachable by the retention index, so retention can remove them all.
    expect(await store.purge(NOW + 1)).toBe(2);
  });
});
