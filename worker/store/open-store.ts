import { describe } from './errors.js';
import type { EventStore } from './event-store.js';
import { openIdbStore } from './idb-store.js';
import { createMemoryStore } from './memory-store.js';

/** Some browsers leave `indexedDB.open()` pending forever (private modes, broken profiles). */
const OPEN_TIMEOUT_MS = 3000;

/** Options for `openStore`. */
export interface OpenStoreOptions {
  readonly databaseName?: string;
  readonly timeoutMs?: number;
  /** Seam for tests: a fault-injecting `IDBFactory`. */
  readonly indexedDB?: IDBFactory;
  readonly now?: () => number;
}

/**
 * Opens IndexedDB, or serves the visit from memory when it is missing, throws or never answers.
 * `warn` is told why, once.
 */
export async function openStore(options: OpenStoreOptions, warn: (message: string) => void): Promise<EventStore> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('IndexedDB did not answer')), options.timeoutMs ?? OPEN_TIMEOUT_MS);
  });
  let opening: Promise<EventStore> | undefined;
  try {
    opening = openIdbStore({
      name: options.databaseName,
      factory: options.indexedDB,
      now: options.now,
      onWarning: warn,
    });
    return await Promise.race([opening, timeout]);
  } catch (error) {
    // A late open must not leave a connection that blocks another tab's upgrade.
    opening?.then(
      (store) => store.close(),
      () => undefined,
    );
    warn(`storage unavailable (${describe(error)}); this visit is kept in memory only`);
    return createMemoryStore();
  } finally {
    clearTimeout(timer);
  }
}
