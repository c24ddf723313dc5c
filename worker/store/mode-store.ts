import type { PrivacyMode } from '../../common/types.js';
import type { EventStore } from './event-store.js';
import { createMemoryStore } from './memory-store.js';
import { mergeEvents } from './merge.js';

/** An `EventStore` that follows the privacy mode: IndexedDB in `full`, memory otherwise. */
export interface ModeStore extends EventStore {
  /** Switches the backing store. `session` after `full` stops writing; `full` after `session` persists what the visit learned. */
  setMode(mode: PrivacyMode): Promise<void>;
  claimLease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Everything held about the visitor: this visit's memory and what earlier visits persisted. */
  everything(): Promise<Awaited<ReturnType<EventStore['events']>>>;
}

/**
 * `session` mode must not even create the database, so IndexedDB is opened only once the mode is
 * `full`. `forget()` and `export()` still reach data persisted by earlier visits in any mode.
 */
export function createModeStore(
  openPersistent: () => Promise<EventStore>,
  initial: PrivacyMode,
  persistentExists: () => Promise<boolean> = async () => true,
): Promise<ModeStore> {
  let current: EventStore = createMemoryStore();
  // The persistent store is opened at most once per visit and kept for forget/export after a switch.
  let persistent: Promise<EventStore> | undefined;
  const persisted = () => (persistent ??= openPersistent());
  // forget() and export() in `session` mode must not create the database just to find it empty.
  const earlier = async () => (persistent || (await persistentExists()) ? persisted() : undefined);
  // A switch copies the visit's memory to disk before it swaps stores: a call made meanwhile waits for the
  // swap, or an event appended to the memory after the copy would be lost. Calls that touch both stores
  // (switch, erase, read everything) run one at a time, so none sees another half done (found by
  // store-model.test.ts).
  let switching: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = switching.then(task);
    switching = run.catch(() => undefined);
    return run;
  };
  const settled = async (): Promise<EventStore> => {
    for (let seen = switching; ; seen = switching) {
      await seen;
      if (seen === switching) return current;
    }
  };

  const store: ModeStore = {
    get kind() {
      return current.kind;
    },
    append: async (events) => (await settled()).append(events),
    events: async () => (await settled()).events(),
    eventsSince: async () => (await settled()).eventsSince(),
    putCheckpoint: async (state, mark) => (await settled()).putCheckpoint(state, mark),
    purge: async (before) => (await settled()).purge(before),
    trim: async (max) => (await settled()).trim(max),
    size: () => current.size(),
    getValue: async (key) => (await settled()).getValue(key),
    putValue: async (key, value) => (await settled()).putValue(key, value),
    claimLease: async (name, owner, ttlMs) => (await settled()).claimLease?.(name, owner, ttlMs) ?? true,
    setMode: (mode) => exclusive(() => switchTo(mode)),
    everything: () =>
      exclusive(async () => {
        const own = await current.events();
        if (current.kind !== 'memory') return own;
        // With storage 'memory' the "persistent" store is a memory store too, and may be `current` itself.
        const other = await earlier();
        return other === undefined || other === current ? own : mergeEvents([own, await other.events()]);
      }),
    clear: () =>
      exclusive(async () => {
        await current.clear();
        if (current.kind !== 'memory') return;
        const other = await earlier();
        if (other !== undefined && other !== current) await other.clear();
      }),
    async close() {
      await (await settled()).close();
      if (persistent) await (await persistent).close();
    },
  };

  async function switchTo(mode: PrivacyMode): Promise<void> {
    if (mode === 'full' && current.kind === 'memory') {
      const target = await persisted();
      if (target === current) return;
      // Consent was granted during the visit: keep what it learned.
      await target.append(await current.events());
      current = target;
    } else if (mode !== 'full' && current.kind !== 'memory') {
      current = createMemoryStore();
    }
  }
  return store.setMode(initial).then(() => store);
}
