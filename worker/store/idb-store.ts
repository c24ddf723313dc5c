import { unwrap, type IDBPTransaction } from 'idb';
import { eventsOf, toChunk, toChunks } from './chunks.js';
import { createConnection, type Database } from './connection.js';
import { describe, isConnectionError, isQuotaError } from './errors.js';
import type { EventStore } from './event-store.js';
import { claimLease } from './lease.js';
import { createMemoryStore } from './memory-store.js';
import { DATABASE_NAME, type InklingSchema, type StoredChunk, type StoredEvent } from './schema.js';
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
      if (records.length > 0) await guarded('events', (db) => putChunks(db, toChunks(records)), () => spill.append(records));
    },
    async events() {
      const chunks = await withDb((db) => db.getAll('chunks')).catch(() => [] as StoredChunk[]);
      // The spill holds what `append` validated: stored events, each with an id.
      const spilled = (await spill.events()) as StoredEvent[];
      return eventsOf([...chunks.map((chunk) => chunk.events), spilled]);
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
        const tx = db.transaction(['chunks', 'values'], 'readwrite');
        await Promise.all([tx.objectStore('chunks').clear(), tx.objectStore('values').clear(), tx.done]);
      });
    },
    async close() {
      connection.close();
    },
  };
}

/** One transaction per batch, a few records each (`CHUNK_EVENTS` events per record). */
async function putChunks(db: Database, chunks: readonly StoredChunk[]): Promise<void> {
  // Relaxed: the commit does not wait for the OS to flush to disk. A tab crash loses nothing; only a
  // power cut right after a batch can, and these are behavioural signals, not orders.
  const tx = db.transaction('chunks', 'readwrite', { durability: 'relaxed' });
  let requestError: unknown;
  // Plain requests: a failed put's error bubbles to the transaction, where the first one is kept
  // (Chrome may report the quota only there, and the transaction's own error as a bare AbortError).
  unwrap(tx).addEventListener('error', (event) => (requestError ??= (event.target as IDBRequest).error));
  const store = unwrap(tx.store);
  for (const chunk of chunks) store.put(chunk);
  try {
    await tx.done;
  } catch (error) {
    throw isQuotaError(requestError) && !isQuotaError(error) ? requestError : error;
  }
}

/** Deletes the oldest tenth of the events, so that one full disk does not cost a retry per batch. */
async function evictOldest(db: Database): Promise<void> {
  const tx = db.transaction('chunks', 'readwrite');
  await rewrite(tx, 'byFirst', undefined, (chunks) => {
    let left = Math.max(1, Math.ceil(chunks.reduce((sum, chunk) => sum + chunk.events.length, 0) * EVICT_SHARE));
    // Whole chunks, oldest first, then the rest of the share from the oldest end of the next one.
    return chunks.map(({ events }) => {
      const kept = left > 0 ? events.slice(left) : events;
      left -= events.length;
      return kept;
    });
  });
  await tx.done;
}

/**
 * Deletes events older than `before`; a chunk that is only partly expired is rewritten with the rest.
 * Events stamped after `now` (the clock was wrong when they were written, or jumped back since) are
 * re-stamped to `now`, so they expire one retention period from now.
 */
async function purgeBefore(db: Database, before: number, now: number): Promise<number> {
  const tx = db.transaction('chunks', 'readwrite');
  const removed = await rewrite(tx, 'byFirst', IDBKeyRange.upperBound(before, true), (chunks) => chunks.map(({ events }) => events.filter((event) => event.time >= before)));
  await rewrite(tx, 'byLast', IDBKeyRange.lowerBound(now + CLOCK_SKEW_MS, true), (chunks) => chunks.map(({ events }) => events.map((event) => toStored(event, now))));
  await tx.done;
  return removed;
}

/**
 * Reads the chunks in `range` of `index` (oldest first by it) and writes back what `plan` keeps of each:
 * the same array leaves a chunk alone, an empty one deletes it. Returns how many events went.
 */
async function rewrite(
  tx: IDBPTransaction<InklingSchema, ['chunks'], 'readwrite'>,
  index: 'byFirst' | 'byLast',
  range: IDBKeyRange | undefined,
  plan: (chunks: readonly StoredChunk[]) => (readonly StoredEvent[])[],
): Promise<number> {
  const source = tx.store.index(index);
  const [keys, chunks] = await Promise.all([source.getAllKeys(range), source.getAll(range)]);
  let removed = 0;
  plan(chunks).forEach((kept, i) => {
    const { events } = chunks[i]!;
    if (kept === events) return;
    removed += events.length - kept.length;
    void (kept.length > 0 ? tx.store.put(toChunk(kept), keys[i]) : tx.store.delete(keys[i]!));
  });
  return removed;
}
