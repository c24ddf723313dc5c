import { unwrap, wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { toChunks } from './chunks.js';
import type { InklingSchema, StoredEvent } from './schema.js';
import { isStorableEvent, toStored } from './validate.js';

type UpgradeDb = IDBPDatabase<InklingSchema>;
type UpgradeTx = IDBPTransaction<InklingSchema, ('chunks' | 'values')[], 'versionchange'>;

/**
 * Brings a database of any earlier version to the current one (see `SCHEMA_VERSION` for the history).
 * It runs inside the `versionchange` transaction, so a failure leaves the old version intact.
 */
export async function migrate(db: UpgradeDb, tx: UpgradeTx, oldVersion: number, now: number): Promise<void> {
  if (oldVersion < 1) db.createObjectStore('values');
  if (oldVersion >= 3) return;
  const chunks = db.createObjectStore('chunks', { autoIncrement: true });
  chunks.createIndex('byFirst', 'first');
  chunks.createIndex('byLast', 'last');
  if (oldVersion < 1) return;
  // Versions 1 and 2 kept one record per event in `events`, a store this schema no longer names.
  // Version 1 accepted whatever was written: what is not an event is dropped and future timestamps are
  // clamped (version 2's own step), so that retention sees every event it keeps.
  const legacy: unknown[] = await wrap(unwrap(tx).objectStore('events').getAll());
  unwrap(db).deleteObjectStore('events');
  const events = legacy.filter((record): record is StoredEvent => isStorableEvent(record) && typeof record.id === 'string');
  await Promise.all(toChunks(events.map((event) => toStored(event, now))).map((chunk) => chunks.put(chunk)));
}
