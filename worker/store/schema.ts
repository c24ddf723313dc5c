import type { DBSchema } from 'idb';
import type { InklingEvent } from '../../src/types.js';

/** Name of the one database Inkling owns on the site's origin. */
export const DATABASE_NAME = 'inkling';
/** Bump with a migration in `migrations.ts`. */
export const SCHEMA_VERSION = 1;

/** An event as stored: the auto-increment key lets a batch be appended without reading. */
export type StoredEvent = InklingEvent & { readonly seq?: number };

export interface InklingSchema extends DBSchema {
  events: { key: number; value: StoredEvent; indexes: { byTime: number } };
  values: { key: string; value: unknown };
}
