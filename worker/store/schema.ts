import type { DBSchema } from 'idb';
import type { InklingEvent } from '../../common/types.js';

/** Name of the one database Inkling owns on the site's origin. */
export const DATABASE_NAME = 'inkling';
/**
 * Bump with a step in `migrations.ts`. History:
 * 1. `events` keyed by id with a `byTime` index; `values` for small JSON (model weights).
 * 2. No new stores; records that cannot be events are dropped and future timestamps clamped, so that
 *    retention (which walks `byTime`) sees every record.
 * 3. `events` replaced by `chunks`: IndexedDB's cost is per record (a put of 10,000 events one by one
 *    took 1.3 s in Chromium, as 20 records of 500 under 0.1 s), so a batch is stored as a few records.
 */
export const SCHEMA_VERSION = 3;

/** An event as stored: with an id, so that a copy written twice (a resent batch, two tabs) is read once. */
export type StoredEvent = InklingEvent & { readonly id: string };

/** Up to `CHUNK_EVENTS` events of one batch, oldest first, with the times retention and eviction look them up by. */
export interface StoredChunk {
  readonly first: number;
  readonly last: number;
  readonly events: readonly StoredEvent[];
}

/** The typed schema `idb` checks every store and index name against. */
export interface InklingSchema extends DBSchema {
  chunks: { key: number; value: StoredChunk; indexes: { byFirst: number; byLast: number } };
  values: { key: string; value: unknown };
}
