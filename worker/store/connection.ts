import { wrap, type IDBPDatabase } from 'idb';
import { migrate } from './migrations.js';
import { SCHEMA_VERSION, type InklingSchema } from './schema.js';

/** The wrapped database handle the store works with. */
export type Database = IDBPDatabase<InklingSchema>;

/** Options for `createConnection`. */
export interface ConnectionOptions {
  readonly name: string;
  /** Seam for tests (a fault-injecting wrapper); defaults to the global `indexedDB`. */
  readonly factory?: IDBFactory;
  readonly now: () => number;
  readonly warn: (message: string) => void;
}

/** A lazily (re)opened database connection. */
export interface Connection {
  /** The open database; reopens it if the last handle was lost. */
  get(): Promise<Database>;
  /** Forgets a handle that failed, so the next `get()` opens a new one. */
  drop(db?: Database): void;
  close(): void;
}

/**
 * Holds at most one connection and replaces it when the browser closes it (storage cleared in
 * DevTools, disk error). When another tab opens a newer schema, this tab closes its connection at
 * once so the upgrade is not blocked; reopening then fails with a VersionError and the store serves
 * the rest of the visit from memory.
 */
export function createConnection(options: ConnectionOptions): Connection {
  let current: Promise<Database> | undefined;
  let handle: Database | undefined;
  const drop = (db?: Database) => {
    if (db && handle && db !== handle) return;
    handle = undefined;
    current = undefined;
  };
  const open = async (): Promise<Database> => {
    const factory = options.factory ?? globalThis.indexedDB;
    if (!factory) throw new Error('IndexedDB is not available');
    const request = factory.open(options.name, SCHEMA_VERSION);
    request.onupgradeneeded = (event) => {
      const tx = request.transaction!;
      migrate(request.result, tx, event.oldVersion, options.now()).catch((error) => {
        options.warn(`migration failed (${String(error)})`);
        tx.abort();
      });
    };
    const db = (await wrap(request)) as unknown as Database;
    handle = db;
    db.addEventListener('close', () => {
      options.warn('the database connection was lost; reopening it');
      drop(db);
    });
    db.addEventListener('versionchange', () => {
      db.close();
      drop(db);
    });
    return db;
  };
  return {
    get: () =>
      (current ??= open().catch((error: unknown) => {
        current = undefined;
        throw error;
      })),
    drop,
    close() {
      handle?.close();
      drop();
    },
  };
}
