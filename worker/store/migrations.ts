import { wrap } from 'idb';
import { toChunks } from './chunks.js';
import type { StoredEvent } from './schema.js';
import { isStorableEvent, toStored } from './validate.js';

/**
 * Brings a database of any earlier version to the current one (see `SCHEMA_VERSION` for the history).
 * It runs inside the `versionchange` transaction, so a failure leaves the old version intact. Plain
 * IndexedDB objects, not idb's typed ones: the stores of earlier versions are not in today's schema,
 * and a wrapped transaction would leave a rejected `done` promise unhandled when an upgrade is aborted.
 */
export async function migrate(db: IDBDatabase, tx: IDBTransaction, oldVersion: number, now: number): Promise<void> {
  if (oldVersion < 1) db.createObjectStore('values');
  if (oldVersion >= 3) return;
  const chunks = db.createObjectStore('chunks', { autoIncrement: true });
  chunks.createIndex('byFirst', 'first');
  chunks.createIndex('byLast', 'last');
  if (oldVersion < 1) return;
  // Versions 1 and 2 kept one record per event in `events`. Version 1 accepted whatever was written:
  // what is not an event is dropped and future timestamps are clamped (version 2's own step), so that
  // retention sees every event it keeps.
  const legacy: unknown[] = await wrap(tx.objectStore('events').getAll());
  db.deleteObjectStore('events');
  const events = legacy.filter(
    (record): record is StoredEvent => isStorableEvent(record) && typeof record.id === 'string',
  );
  // A failed put aborts the upgrade, which fails the open: nothing to wait for here.
  for (const chunk of toChunks(events.map((event) => toStored(event, now)))) chunks.put(chunk);
}
