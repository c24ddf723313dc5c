import type { DBSchema } from 'idb';
import type { InklingEvent } from '../../src/types.js';

/** Name of the one database Inkling owns on the site's origin. */
export const DATABASE_NAME = 'inkling';
/**
 * Bump with a step in `migrations.ts`. History:
 * 1. `events` keyed by id with a `byTime` index; `values` for small JSON (model weights).
 * 2. No new stores; records that cannot be events are dropped and future timestamps clamped, so that
 *    retention (which walks `byTime`) sees every record.
 */
export const SCHEMA_VERSION = 2;

/** An event as stored: keyed by its id, so writing the same event twice keeps one copy. */
export type StoredEvent = InklingEvent & { readonly id: string };

/** The typed schema `idb` checks every store and index name against. */
export interface InklingSchema extends DBSchema {
  events: { key: string; value: StoredEvent; indexes: { byTime: number } };
  values: { key: string; value: unknown };
}
