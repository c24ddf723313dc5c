import type { InklingEvent } from '../../common/types.js';
import type { EventStore, StoreMark } from './event-store.js';
import { mergeEvents } from './merge.js';

/** Keeps everything in memory: `session` mode, and any visit where IndexedDB is unavailable. */
export function createMemoryStore(): EventStore {
  let events: InklingEvent[] = [];
  const values = new Map<string, unknown>();
  // Same contract as IndexedDB's checkpoint: a position in `events`, void once events change but by appends.
  let generation = 0;
  let checkpoint: { readonly mark: StoreMark; readonly state: unknown } | undefined;
  const invalidate = () => {
    generation += 1;
    checkpoint = undefined;
  };
  return {
    kind: 'memory',
    async append(batch) {
      // In place: a copy per batch would make a long visit quadratic (and a spread can overflow the stack).
      for (const event of batch) events.push(event);
    },
    // Same contract as the IndexedDB store: an event stored twice is read once.
    events: async () => mergeEvents([events]),
    async eventsSince() {
      const from = checkpoint?.mark.generation === generation ? checkpoint.mark.through : 0;
      return {
        checkpoint: from > 0 ? structuredClone(checkpoint!.state) : undefined,
        events: mergeEvents([events.slice(from)]),
        mark: { through: events.length, generation },
      };
    },
    async putCheckpoint(state, mark) {
      if (mark.generation === generation) checkpoint = { mark, state: structuredClone(state) };
    },
    async purge(before) {
      const kept = events.filter((event) => event.time >= before);
      const removed = events.length - kept.length;
      if (removed > 0) invalidate();
      events = kept;
      return removed;
    },
    async getValue<T>(key: string) {
      return values.get(key) as T | undefined;
    },
    async putValue(key, value) {
      values.set(key, structuredClone(value));
    },
    async clear() {
      events = [];
      values.clear();
      invalidate();
    },
    async close() {},
  };
}
