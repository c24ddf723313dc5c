import { createConnection, type Database } from './connection.js';
import { describe, isConnectionError, isQuotaError } from './errors.js';
import { unwrap } from 'idb';
import type { EventStore } from './event-store.js';
import { claimLease } from './lease.js';
import { createMemoryStore } from './memory-store.js';
import { DATABASE_NAME, type StoredEvent } from './schema.js';
import { CLOCK_SKEW_MS, isStorableEvent, toStored } from './validate.js';

/** Options for the IndexedDB store. */
export interface IdbStoreOptions {
  /** Database name; tests use a fresh one each. */
  readonly name?: string;
  /** Seam for tests: a fault-injecting `IDBFactory`. Defaults to the global `indexedDB`. */
  readonly factory?: IDBFactory;
  readonly now?: () => number;
  /** Told about each fault the store absorbed. */
  readonly onWarning?: (message: string) => void;
}

/** Share of stored events evicted when the quota is hit (at least the batch's size). */
const EVICT_SHARE = 0.1;

/**
 * Opens the IndexedDB store. Rejects when IndexedDB is missing or refuses to open (the caller falls
 * back to memory); once open, it never throws: a lost connection is reopened, a full disk evicts the
 * oldest events and retries once, and whatever still cannot be written is kept in memory for the visit.
 */
export async function openIdbStore(options: IdbStoreOptions = {}): Promise<EventStore> {
  const now = options.now ?? Date.now;
  const warn = options.onWarning ?? (() => undefined);
  const connection = createConnection({ name: options.name ?? DATABASE_NAME, factory: options.factory, now, warn });
  await connection.get();
  // Events that could not reach the disk; still part of this visit's history.
  const spill = createMemoryStore();

  /** Runs `op`; a connection lost in the meantime is reopened once. */
  async function withDb<T>(op: (db: Database) => Promise<T>): Promise<T> {
    const db = await connection.get();
    try {
      return await op(db);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      connection.drop(db);
      return op(await connection.get());
    }
  }

  /** Never throws: evicts and retries once on quota errors, spills to memory when all else fails. */
  async function guarded(what: string, write: (db: Database) => Promise<void>, onFail: () => Promise<void>): Promise<void> {
    try {
      await withDb(write);
    } catch (error) {
      try {
        if (!isQuotaError(error)) throw error;
        await withDb(evictOldest);
        await withDb(write);
        warn('storage was full; the oldest events were evicted');
      } catch (retryError) {
        warn(`could not store ${what} (${describe(retryError)}); kept in memory for this visit`);
        await onFail();
      }
    }
  }

  return {
    kind: 'indexeddb',
    async append(batch) {
      const records = batch.filter(isStorableEvent).map((event) => toStored(event, now()));
      if (records.length < batch.length) warn(`${batch.length - records.length} malformed events were not stored`);
      if (records.length > 0) await guarded('events', (db) => putAll(db, records), () => spill.append(records));
    },
    async events(since = -Infinity) {
      const range = Number.isFinite(since) ? IDBKeyRange.lowerBound(since) : undefined;
      const stored = await withDb((db) => db.getAllFromIndex('events', 'byTime', range)).catch(() => [] as StoredEvent[]);
      const spilled = await spill.events(since);
      if (spilled.length === 0) return stored;
      const ids = new Set(stored.map((event) => event.id));
      return [...stored, ...spilled.filter((event) => !ids.has(event.id!))].sort((a, b) => a.time - b.time);
    },
    async purge(before) {
      const removed = await withDb((db) => purgeBefore(db, before, now())).catch((error: unknown) => {
        warn(`retention purge failed (${describe(error)})`);
        return 0;
      });
      return removed + (await spill.purge(before));
    },
    async getValue<T>(key: string) {
      return ((await withDb((db) => db.get('values', key)).catch(() => undefined)) ?? (await spill.getValue<T>(key))) as T | undefined;
    },
    async putValue(key, value) {
      await guarded(`"${key}"`, (db) => db.put('values', value, key).then(() => undefined), () => spill.putValue(key, value));
    },
    async claimLease(name, owner, ttlMs) {
      // If the lease cannot be read, doing the work twice (prune, train) is harmless; never doing it is not.
      return withDb((db) => claimLease(db, name, owner, ttlMs, now())).catch(() => true);
    },
    async clear() {
      await spill.clear();
      await withDb(async (db) => {
        const tx = db.transaction(['events', 'values'], 'readwrite');
        await Promise.all([tx.objectStore('events').clear(), tx.objectStore('values').clear(), tx.done]);
      });
    },
    async close() {
      connection.close();
    },
  };
}

/** One transaction per batch; put-by-id makes a re-sent event (retry, second tab) a no-op. */
async function putAll(db: Database, records: readonly StoredEvent[]): Promise<void> {
  // Relaxed: the commit does not wait for the OS to flush to disk. A tab crash loses nothing; only a
  // power cut right after a batch can, and these are behavioural signals, not orders.
  const tx = db.transaction('events', 'readwrite', { durability: 'relaxed' });
  let requestError: unknown;
  // Plain requests, not idb's promise per put: 10,000 promises cost more than the writes. Their errors
  // bubble to the transaction; keep the first one (Chrome may report the quota only there).
  unwrap(tx).addEventListener('error', (event) => (requestError ??= (event.target as IDBRequest).error));
  const store = unwrap(tx.store);
  for (const record of records) store.put(record);
  try {
    await tx.done;
  } catch (error) {
    throw isQuotaError(requestError) && !isQuotaError(error) ? requestError : error;
  }
}

/** Deletes the oldest events: a tenth of the store, so that one full disk does not cost a retry per batch. */
async function evictOldest(db: Database): Promise<void> {
  const tx = db.transaction('events', 'readwrite');
  let left = Math.max(1, Math.ceil((await tx.store.count()) * EVICT_SHARE));
  let cursor = await tx.store.index('byTime').openKeyCursor();
  while (cursor && left-- > 0) {
    void tx.store.delete(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  await tx.done;
}

/**
 * Deletes events older than `before`. Events stamped after `now` (the clock was wrong when they were
 * written, or jumped back since) are re-stamped to `now`, so they expire one retention period from now.
 */
async function purgeBefore(db: Database, before: number, now: number): Promise<number> {
  const tx = db.transaction('events', 'readwrite');
  const index = tx.store.index('byTime');
  let removed = 0;
  let cursor = await index.openCursor(IDBKeyRange.upperBound(before, true));
  while (cursor) {
    void cursor.delete();
    removed += 1;
    cursor = await cursor.continue();
  }
  let future = await index.openCursor(IDBKeyRange.lowerBound(now + CLOCK_SKEW_MS, true));
  while (future) {
    void future.update({ ...future.value, time: now });
    future = await future.continue();
  }
  await tx.done;
  return removed;
}

