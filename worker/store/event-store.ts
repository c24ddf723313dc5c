import type { InklingEvent } from '../../src/types.js';

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
