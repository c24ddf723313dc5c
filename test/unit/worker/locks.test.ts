import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createTryLock } from '../../../worker/locks.js';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import { faultyIndexedDB } from './faulty-idb.js';

describe('tryLock', () => {
  it('runs the task under a Web Lock and skips it when another holder has the lock', async () => {
    const held = new Set<string>();
    const locks = {
      async request(name: string, _options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) {
        if (held.has(name)) return callback(null);
        held.add(name);
        try {
          return await callback({ name, mode: 'exclusive' } as Lock);
        } finally {
          held.delete(name);
        }
      },
    } as unknown as Pick<LockManager, 'request'>;
    const tryLock = createTryLock({ locks });
    let release!: () => void;
    const first = tryLock('prune', () => new Promise<string>((resolve) => (release = () => resolve('first'))));
    expect(await tryLock('prune', () => 'second')).toBeUndefined();
    release();
    expect(await first).toBe('first');
    expect(await tryLock('prune', () => 'third')).toBe('third');
  });

  it('falls back to an IndexedDB lease where Web Locks are missing: one of two tabs wins', async () => {
    const { factory } = faultyIndexedDB();
    let time = 1_000;
    const tabA = await openIdbStore({ factory, now: () => time });
    const tabB = await openIdbStore({ factory, now: () => time });
    const lockA = createTryLock({ locks: null, claim: (...args) => tabA.claimLease!(...args), leaseMs: 10_000 });
    const lockB = createTryLock({ locks: null, claim: (...args) => tabB.claimLease!(...args), leaseMs: 10_000 });
    const results = await Promise.all([lockA('train', () => 'A'), lockB('train', () => 'B')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    // The holder may renew; once the lease expires the other tab gets it.
    const winner = results[0] ? lockA : lockB;
    const loser = results[0] ? lockB : lockA;
    expect(await winner('train', () => 'again')).toBe('again');
    expect(await loser('train', () => 'late')).toBeUndefined();
    time += 11_000;
    expect(await loser('train', () => 'late')).toBe('late');
  });
});
