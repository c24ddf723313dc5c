import { toChunks } from './chunks.js';
import { createConnection, type Database } from './connection.js';
import { describe, isConnectionError, isQuotaError } from './errors.js';
import { UNUSABLE_MARK, type EventStore } from './event-store.js';
import { invalidateCheckpoint, readSince, writeCheckpoint } from './checkpoint-records.js';
import { leastUseful } from './eviction.js';
import { claimLease } from './lease.js';
import { createMemoryStore } from './memory-store.js';
import { mergeEvents } from './merge.js';
import { DATABASE_NAME, type StoredChunk, type StoredEvent } from './schema.js';
import { CLOCK_SKEW_MS, isStorableEvent, readableEvents, toStored } from './validate.js';

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

/**
 * `values` key: how many events the chunks hold, kept in the transactions that change them, so that every
 * tab's writes count. Deleted where a put could fail (a purge, an eviction on a full disk: see
 * `evictOldest`); the next append then counts the chunks again.
 */
const COUNT_KEY = 'event-count';

/** Share of stored events evicted when the quota is hit (at least one event). */
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
  // Events stored, as of this store's last write (other tabs' writes included); undefined when unknown.
  let known: number | undefined;
  let reportedUnreadable = false;
  /** The events of the records read, skipping what the engine cannot fold (reported once per visit). */
  const eventsOf = (records: readonly unknown[]): StoredEvent[][] => {
    let skipped = 0;
    const lists = records.map((record) => {
      const read = readableEvents(record);
      skipped += read.skipped;
      return read.events;
    });
    if (skipped > 0 && !reportedUnreadable) {
      reportedUnreadable = true;
      warn(`${skipped} unreadable stored records skipped (retention or erasure removes them)`);
    }
    return lists;
  };

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
  async function guarded(
    what: string,
    write: (db: Database) => Promise<unknown>,
    onFail: () => Promise<void>,
  ): Promise<void> {
    try {
      await withDb(write);
    } catch (error) {
      try {
        if (!isQuotaError(error)) throw error;
        await withDb(evictOldest);
        known = undefined;
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
      if (records.length > 0)
        await guarded(
          'events',
          async (db) => (known = await putChunks(db, toChunks(records))),
          () => spill.append(records),
        );
    },
    async events() {
      const chunks = await withDb((db) => db.getAll('chunks')).catch(() => [] as StoredChunk[]);
      return mergeEvents([...eventsOf(chunks), await spill.events()]);
    },
    async eventsSince() {
      const read = await withDb(readSince).catch(() => ({
        state: undefined,
        chunks: [] as StoredChunk[],
        mark: UNUSABLE_MARK,
      }));
      return {
        checkpoint: read.state,
        events: mergeEvents([...eventsOf(read.chunks), await spill.events()]),
        mark: read.mark,
      };
    },
    async putCheckpoint(state, mark) {
      // A cache of what the events say: if it cannot be written, the next start reads the events again.
      await withDb((db) => writeCheckpoint(db, state, mark)).catch((error: unknown) =>
        warn(`checkpoint not saved (${describe(error)})`),
      );
    },
    size: () => (known === undefined ? undefined : known + (spill.size() ?? 0)),
    async purge(before) {
      const removed = await withDb((db) => purgeBefore(db, before, now())).catch((error: unknown) => {
        warn(`retention purge failed (${describe(error)})`);
        return 0;
      });
      if (removed > 0) known = undefined;
      return removed + (await spill.purge(before));
    },
    async trim(max) {
      const removed = await withDb(async (db) => {
        const trimmed = await trimTo(db, max);
        known = trimmed.total;
        return trimmed.removed;
      }).catch((error: unknown) => {
        warn(`event cap not applied (${describe(error)})`);
        return 0;
      });
      return removed + (await spill.trim(max));
    },
    async getValue<T>(key: string) {
      return ((await withDb((db) => db.get('values', key)).catch(() => undefined)) ??
        (await spill.getValue<T>(key))) as T | undefined;
    },
    async putValue(key, value) {
      await guarded(
        `"${key}"`,
        (db) => db.put('values', value, key),
        () => spill.putValue(key, value),
      );
    },
    async claimLease(name, owner, ttlMs) {
      // If the lease cannot be read, doing the work twice (prune, train) is harmless; never doing it is not.
      return withDb((db) => claimLease(db, name, owner, ttlMs, now())).catch(() => true);
    },
    async clear() {
      await spill.clear();
      await withDb(async (db) => {
        const tx = db.transaction(['chunks', 'values'], 'readwrite');
        // Clearing `values` also drops the checkpoint and its generation (see checkpoint-records.ts).
        await Promise.all([tx.objectStore('chunks').clear(), tx.objectStore('values').clear(), tx.done]);
      });
      known = 0;
    },
    async close() {
      connection.close();
    },
  };
}

/**
 * One transaction per batch, a few records each (`CHUNK_EVENTS` events per record); returns how many
 * events the chunks hold then (the count kept in `values`, counted again from the chunks if it is missing).
 */
async function putChunks(db: Database, chunks: readonly StoredChunk[]): Promise<number> {
  // Relaxed: the commit does not wait for the OS to flush to disk. A tab crash loses nothing; only a
  // power cut right after a batch can, and these are behavioural signals, not orders.
  const tx = db.transaction(['chunks', 'values'], 'readwrite', { durability: 'relaxed' });
  const store = tx.objectStore('chunks');
  const values = tx.objectStore('values');
  let requestError: unknown;
  // The first failed put's error is kept: Chrome may report the quota only there, and the
  // transaction's own error as a bare AbortError.
  const keep = (error: unknown) => void (requestError ??= error);
  for (const chunk of chunks) store.put(chunk).catch(keep);
  const added = chunks.reduce((sum, chunk) => sum + chunk.events.length, 0);
  const counted = (async () => {
    const count = await values.get(COUNT_KEY);
    // Requests run in order: a recount reads the chunks just put too.
    const total =
      typeof count === 'number'
        ? count + added
        : (await store.getAll()).reduce((sum, chunk) => sum + chunk.events.length, 0);
    values.put(total, COUNT_KEY).catch(keep);
    return total;
  })();
  counted.catch(keep);
  try {
    await tx.done;
  } catch (error) {
    throw isQuotaError(error) ? error : (requestError ?? error);
  }
  return counted;
}

/**
 * Deletes the oldest chunks, at least a tenth of the events, so that one full disk does not cost a retry
 * per batch. Whole chunks only: Chromium fails every put while the origin is over its quota, even in a
 * transaction that frees more than it writes, so the oldest end of a chunk cannot be rewritten then.
 */
function evictOldest(db: Database): Promise<number> {
  return rewrite(db, 'byFirst', undefined, 'forget', (chunks) => {
    let left = Math.ceil(chunks.reduce((sum, chunk) => sum + chunk.events.length, 0) * EVICT_SHARE);
    return chunks.map(({ events }) => {
      if (left <= 0) return events;
      left -= events.length;
      return [];
    });
  });
}

/**
 * Keeps at most `max` of the stored events, in one transaction (so two tabs cannot both evict): the
 * least useful go (see eviction.ts), and only the chunks that lose an event are rewritten.
 */
async function trimTo(db: Database, max: number): Promise<{ removed: number; total: number }> {
  let total = 0;
  const removed = await rewrite(db, 'byFirst', undefined, 'recount', (chunks) => {
    const all = chunks.flatMap((chunk) => chunk.events);
    total = Math.min(all.length, max);
    if (all.length <= max) return chunks.map((chunk) => chunk.events);
    const evicted = leastUseful(all, all.length - max);
    let offset = 0;
    return chunks.map(({ events }) => {
      const start = offset;
      offset += events.length;
      return events.some((_, i) => evicted.has(start + i)) ? events.filter((_, i) => !evicted.has(start + i)) : events;
    });
  });
  return { removed, total };
}

/**
 * Deletes events older than `before`; a chunk that is only partly expired is rewritten with the rest.
 * Wholly expired chunks (their newest event is older) go first, in a transaction of deletes only, so
 * that a full disk (see `evictOldest`) cannot hold them back. Events stamped after `now` (the clock was
 * wrong when they were written, or jumped back since) are re-stamped to `now`, so they expire one
 * retention period from now.
 */
async function purgeBefore(db: Database, before: number, now: number): Promise<number> {
  const removed =
    (await rewrite(db, 'byLast', IDBKeyRange.upperBound(before, true), 'forget', (chunks) => chunks.map(() => []))) +
    (await rewrite(db, 'byFirst', IDBKeyRange.upperBound(before, true), 'forget', (chunks) =>
      chunks.map(({ events }) => events.filter((event) => event.time >= before)),
    ));
  await rewrite(db, 'byLast', IDBKeyRange.lowerBound(now + CLOCK_SKEW_MS, true), 'forget', (chunks) =>
    chunks.map(({ events }) => events.map((event) => toStored(event, now))),
  );
  return removed;
}

/**
 * In one transaction, reads the chunks in `range` of `index` (in its order) and writes back what `keep`
 * leaves of each (one array per chunk): the same array leaves a chunk alone, an empty one deletes it.
 * Returns how many events went. The count in `values` is then written again (`recount`: `range` covers
 * every chunk and the write puts anyway) or deleted (`forget`: a delete still works on a full disk).
 */
async function rewrite(
  db: Database,
  index: 'byFirst' | 'byLast',
  range: IDBKeyRange | undefined,
  count: 'recount' | 'forget',
  keep: (chunks: readonly StoredChunk[]) => readonly (readonly StoredEvent[])[],
): Promise<number> {
  const tx = db.transaction(['chunks', 'values'], 'readwrite');
  const store = tx.objectStore('chunks');
  const source = store.index(index);
  const [keys, records] = await Promise.all([source.getAllKeys(range), source.getAll(range)]);
  // A record the engine cannot read is rewritten with what can be read of it, or deleted.
  const read = records.map(readableEvents);
  const chunks = records.map((record, i): StoredChunk => ({ ...record, events: read[i]!.events }));
  let removed = 0;
  let changed = false;
  let total = 0;
  keep(chunks).forEach((kept, i) => {
    const chunk = chunks[i]!;
    total += kept.length;
    if (kept === chunk.events && read[i]!.skipped === 0) return;
    changed = true;
    removed += chunk.events.length - kept.length;
    // What is kept of one chunk makes one chunk again.
    void (kept.length > 0 ? store.put(toChunks(kept)[0]!, keys[i]) : store.delete(keys[i]!));
  });
  const values = tx.objectStore('values');
  const counted = !changed ? undefined : count === 'recount' ? values.put(total, COUNT_KEY) : values.delete(COUNT_KEY);
  await Promise.all([changed ? invalidateCheckpoint(tx) : undefined, counted, tx.done]);
  return removed;
}
