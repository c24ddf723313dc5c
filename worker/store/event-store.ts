import type { InklingEvent } from '../../common/types.js';

/**
 * Where the engine keeps events and model weights. An IndexedDB implementation persists them;
 * an in-memory one serves `session` mode and any visit where IndexedDB fails.
 */
export interface EventStore {
  /** `indexeddb` or `memory`; reported in `export()` and in warnings. */
  readonly kind: 'indexeddb' | 'memory';
  /** Appends a batch in one transaction. Never throws: on quota errors it evicts the oldest events and retries once. */
  append(events: readonly InklingEvent[]): Promise<void>;
  /** Every event, oldest first. */
  events(): Promise<InklingEvent[]>;
  /**
   * The state last saved with `putCheckpoint`, if the events it covers are still stored unchanged, and
   * the events appended after it (every event when there is none), read at one moment.
   */
  eventsSince(): Promise<EventsSince>;
  /**
   * Saves state derived from the events up to `mark` (see `eventsSince`), replacing the last one. Does
   * nothing when stored events changed since other than by appends (a purge, an eviction, an erasure):
   * the state would then hold what is gone.
   */
  putCheckpoint(state: unknown, mark: StoreMark): Promise<void>;
  /** Deletes events older than `before` (ms); returns how many went. */
  purge(before: number): Promise<number>;
  /** Reads a small named JSON value (model weights, settings). */
  getValue<T>(key: string): Promise<T | undefined>;
  putValue(key: string, value: unknown): Promise<void>;
  /**
   * Claims a cross-tab lease (the fallback where Web Locks are missing); true when this caller holds it.
   * Absent on stores that nothing else can see (memory).
   */
  claimLease?(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Erases everything. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** How far a store's events had got when they were read: a checkpoint saved with it covers exactly those. */
export interface StoreMark {
  /** Position of the newest stored batch (IndexedDB: the newest chunk's key). */
  readonly through: number;
  /** Changes whenever stored events change other than by appends: retention, eviction, erasure. */
  readonly generation: number;
}

/** What `EventStore.eventsSince` read. */
export interface EventsSince {
  /** As `putCheckpoint` was given it; the engine checks what it is. */
  readonly checkpoint: unknown;
  /** Events stored after the checkpoint, or every event without one; oldest first, each id once. */
  readonly events: InklingEvent[];
  /** Save the next checkpoint with this mark: it covers the checkpoint and these events. */
  readonly mark: StoreMark;
}

/** A mark no checkpoint is ever saved with: the read it came from failed. */
export const UNUSABLE_MARK: StoreMark = { through: 0, generation: -1 };
