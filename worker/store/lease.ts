import type { Database } from './connection.js';

interface Lease {
  readonly owner: string;
  readonly until: number;
}

/**
 * The fallback for Web Locks: reads and writes the lease in one read-write transaction, so that
 * IndexedDB's own serialisation decides between two tabs claiming at once. A lease stamped
 * implausibly far ahead (the clock jumped back) counts as expired.
 */
export async function claimLease(
  db: Database,
  name: string,
  owner: string,
  ttlMs: number,
  time: number,
): Promise<boolean> {
  const tx = db.transaction('values', 'readwrite');
  const held = (await tx.store.get(name)) as Lease | undefined;
  const free = !held || held.owner === owner || !(held.until > time) || held.until > time + 2 * ttlMs;
  if (free) void tx.store.put({ owner, until: time + ttlMs } satisfies Lease, name);
  await tx.done;
  return free;
}
