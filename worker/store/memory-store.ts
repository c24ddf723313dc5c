import type { InklingEvent } from '../../src/types.js';
import type { EventStore } from './event-store.js';

/** Keeps everything in memory: `session` mode, and any visit where IndexedDB is unavailable. */
export function createMemoryStore(): EventStore {
  let events: InklingEvent[] = [];
  const ids = new Set<string>();
  const values = new Map<string, unknown>();
  return {
    kind: 'memory',
    async append(batch) {
      // Same contract as IndexedDB's put-by-id: an event stored twice is kept once.
      for (const event of batch) {
        if (event.id !== undefined && ids.has(event.id)) continue;
        if (event.id !== undefined) ids.add(event.id);
        events.push(event);
      }
    },
    async events() {
      return [...events].sort((a, b) => a.time - b.time);
    },
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
      ids.clear();
      values.clear();
    },
    async close() {},
  };
}
