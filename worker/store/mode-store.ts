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
export function createModeStore(openPersistent: () => Promise<EventStore>, initial: PrivacyMode, persistentExists: () => Promise<boolean> = async () => true): Promise<ModeStore> {
  let current: EventStore = createMemoryStore();
  // The persistent store is opened at most once per visit and kept for forget/export after a switch.
  let persistent: Promise<EventStore> | undefined;
  const persisted = () => (persistent ??= openPersistent());
  // forget() and export() in `session` mode must not create the database just to find it empty.
  const earlier = async () => (persistent || (await persistentExists()) ? persisted() : undefined);

  const store: ModeStore = {
    get kind() {
      return current.kind;
    },
    append: (events) => current.append(events),
    events: () => current.events(),
    eventsSince: () => current.eventsSince(),
    putCheckpoint: (state, mark) => current.putCheckpoint(state, mark),
    purge: (before) => current.purge(before),
    getValue: (key) => current.getValue(key),
    putValue: (key, value) => current.putValue(key, value),
    claimLease: async (name, owner, ttlMs) => current.claimLease?.(name, owner, ttlMs) ?? true,
    async setMode(mode) {
      if (mode === 'full' && current.kind === 'memory') {
        const target = await persisted();
        if (target === current) return;
        // Consent was granted during the visit: keep what it learned.
        await target.append(await current.events());
        current = target;
      } else if (mode !== 'full' && current.kind !== 'memory') {
        current = createMemoryStore();
      }
    },
    async everything() {
      const own = await current.events();
      return current.kind !== 'memory' ? own : mergeEvents([own, (await (await earlier())?.events()) ?? []]);
    },
    async clear() {
      await current.clear();
      if (current.kind === 'memory') await (await earlier())?.clear();
    },
    async close() {
      await current.close();
      if (persistent) await (await persistent).close();
    },
  };
  return store.setMode(initial).then(() => store);
}
