import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { InklingSchema } from './schema.js';
import { isStorableEvent, toStored } from './validate.js';

type UpgradeDb = IDBPDatabase<InklingSchema>;
type UpgradeTx = IDBPTransaction<InklingSchema, ('events' | 'values')[], 'versionchange'>;

/**
 * One step per schema version; step `n` turns a version `n - 1` database into version `n`.
 * They run in order inside the `versionchange` transaction, so a failure leaves the old version intact.
 */
const STEPS: readonly ((db: UpgradeDb, tx: UpgradeTx, now: number) => Promise<void> | void)[] = [
  () => undefined,
  (db) => {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('byTime', 'time');
    db.createObjectStore('values');
  },
  async (_db, tx, now) => {
    // Version 1 accepted whatever was written; a record without a valid time is invisible to `byTime`
    // and so would never expire. Drop what is not an event, clamp what is stamped in the future.
    let cursor = await tx.objectStore('events').openCursor();
    while (cursor) {
      const value: unknown = cursor.value;
      if (!isStorableEvent(value) || typeof (value as { id?: unknown }).id !== 'string') await cursor.delete();
      else if (toStored(value, now) !== value) await cursor.update(toStored(value, now));
      cursor = await cursor.continue();
    }
  },
];

/** Brings a database from `oldVersion` to `newVersion`. */
export async function migrate(db: UpgradeDb, tx: UpgradeTx, oldVersion: number, newVersion: number, now: number): Promise<void> {
  for (let version = oldVersion + 1; version <= newVersion; version++) await STEPS[version]?.(db, tx, now);
}
