/**
 * "Only one tab at a time": pruning and training run under a Web Lock when the API exists. Where it
 * does not (older Safari, some webviews), a lease row in IndexedDB stands in: claiming it is one
 * read-write transaction, which IndexedDB runs one at a time across tabs, so two tabs cannot both win.
 */

/** Claims a named lease for `ttlMs` unless another owner holds an unexpired one; true when claimed. */
export type LeaseClaim = (name: string, owner: string, ttlMs: number) => Promise<boolean>;

/** Runs `task` when no other tab holds `name`; resolves to undefined (without running it) otherwise. */
export type TryLock = <T>(name: string, task: () => Promise<T> | T) => Promise<T | undefined>;

/** Options for `createTryLock`; both seams default to the real thing. */
export interface TryLockOptions {
  /** `navigator.locks`, or null to force the fallback. */
  readonly locks?: Pick<LockManager, 'request'> | null;
  /** The fallback's lease store; without one (memory-only visit) nothing is shared, so the task runs. */
  readonly claim?: LeaseClaim;
  /** How long a fallback lease lasts if its tab dies while holding it. */
  readonly leaseMs?: number;
}

/** Creates the lock helper the engine uses around pruning and training. */
export function createTryLock(options: TryLockOptions = {}): TryLock {
  const locks = options.locks === undefined ? (globalThis.navigator as Navigator | undefined)?.locks : options.locks;
  const owner = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  return async (name, task) => {
    if (locks) {
      // ifAvailable: a tab that finds the lock taken skips the work; the holder is already doing it.
      return locks.request(`inkling:${name}`, { ifAvailable: true }, async (lock) => (lock ? task() : undefined));
    }
    if (options.claim && !(await options.claim(`lease:${name}`, owner, leaseMs))) return undefined;
    return task();
  };
}
