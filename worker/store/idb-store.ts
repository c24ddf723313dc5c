import { openDB, type IDBPDatabase } from 'idb';
import type { InklingEvent } from '../../src/types.js';
import type { EventStore } from './event-store.js';
import { DATABASE_NAME, SCHEMA_VERSION, type InklingSchema, type StoredEvent } from './schema.js';

/** Options for the IndexedDB store. */
export interface IdbStoreOptions {
  /** Database name; tests use a fresh one each. */
  readonly name?: string;
}

/** Opens the IndexedDB store. Rejects when IndexedDB is missing or refuses to open; the caller falls back to memory. */
export async function openIdbStore(options: IdbStoreOptions = {}): Promise<EventStore> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const db = await openDB<InklingSchema>(options.name ?? DATABASE_NAME, SCHEMA_VERSION, {
    upgrade(database) {
      const events = database.createObjectStore('events', { keyPath: 'id' });
      events.createIndex('byTime', 'time');
      database.createObjectStore('values');
    },
    blocking() {
      // A newer schema is opening in another tab: let it upgrade rather than block it.
      db.close();
    },
  });
  return wrap(db);
}

function wrap(db: IDBPDatabase<InklingSchema>): EventStore {
  return {
    kind: 'indexeddb',
    async append(batch) {
      const tx = db.transaction('events', 'readwrite');
      for (const event of batch) void tx.store.put(withId(event));
      await tx.done;
    },
    async events(since = -Infinity) {
      const range = Number.isFinite(since) ? IDBKeyRange.lowerBound(since) : undefined;
      return db.getAllFromIndex('events', 'byTime', range);
    },
    async purge(before) {
      const tx = db.transaction('events', 'readwrite');
      let removed = 0;
      let cursor = await tx.store.index('byTime').openCursor(IDBKeyRange.upperBound(before, true));
      while (cursor) {
        await cursor.delete();
        removed += 1;
        cursor = await cursor.continue();
      }
      await tx.done;
      return removed;
    },
    async getValue<T>(key: string) {
      return (await db.get('values', key)) as T | undefined;
    },
    async putValue(key, value) {
      await db.put('values', value, key);
    },
    async clear() {
      const tx = db.transaction(['events', 'values'], 'readwrite');
      await Promise.all([tx.objectStore('events').clear(), tx.objectStore('values').clear(), tx.done]);
    },
    async close() {
      db.close();
    },
  };
}

/** Events from the SDK carry ids; ones from elsewhere (headless ingest) get one here. */
export function withId(event: InklingEvent): StoredEvent {
  return event.id ? (event as StoredEvent) : { ...event, id: `${event.time}:${Math.random().toString(36).slice(2)}` };
}
