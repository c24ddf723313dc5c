import type { InklingEvent } from '../../src/types.js';
import type { EventStore } from './event-store.js';
import { mergeEvents } from './merge.js';

/** Keeps everything in memory: `session` mode, and any visit where IndexedDB is unavailable. */
export function createMemoryStore(): EventStore {
  let events: InklingEvent[] = [];
  const values = new Map<string, unknown>();
  return {
    kind: 'memory',
    async append(batch) {
      // In place: a copy per batch would make a long visit quadratic (and a spread can overflow the stack).
      for (const event of batch) events.push(event);
    },
    // Same contract as the IndexedDB store: an event stored twice is read once.
    events: async () => mergeEvents([events]),
    async purge(before) {
      const kept = events.filter((event) => event.time >= before);
      const removed = events.length - kept.length;
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
    },
    async close() {},
  };
}
