import type { DBSchema } from 'idb';
import type { InklingEvent } from '../../src/types.js';

/** Name of the one database Inkling owns on the site's origin. */
export const DATABASE_NAME = 'inkling';
/** Bump with a migration in `migrations.ts`. */
export const SCHEMA_VERSION = 1;

/** An event as stored: keyed by its id, so writing the same event twice keeps one copy. */
export type StoredEvent = InklingEvent & { readonly id: string };

export interface InklingSchema extends DBSchema {
  events: { key: string; value: StoredEvent; indexes: { byTime: number } };
  values: { key: string; value: unknown };
}
