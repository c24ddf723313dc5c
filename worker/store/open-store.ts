import type { EventStore } from './event-store.js';
import { openIdbStore } from './idb-store.js';
import { createMemoryStore } from './memory-store.js';

/** Some browsers leave `indexedDB.open()` pending forever (private modes, broken profiles). */
const OPEN_TIMEOUT_MS = 3000;

/**
 * Opens IndexedDB, or serves the visit from memory when it is missing, throws or never answers.
 * `warn` is told why, once.
 */
export async function openStore(
  options: { readonly databaseName?: string; readonly timeoutMs?: number },
  warn: (message: string) => void,
): Promise<EventStore> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('IndexedDB did not answer')), options.timeoutMs ?? OPEN_TIMEOUT_MS);
  });
  const opening = openIdbStore(options.databaseName ? { name: options.databaseName } : {});
  try {
    return await Promise.race([opening, timeout]);
  } catch (error) {
    // A late open must not leave a connection that blocks another tab's upgrade.
    opening.then((store) => store.close(), () => undefined);
    warn(`storage unavailable (${describe(error)}); this visit is kept in memory only`);
    return createMemoryStore();
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
