import type { InklingEvent } from '../../common/types.js';

/**
 * The events of several lists, oldest first, each id once (the first copy wins): the same event can be
 * stored twice (a batch resent from another page's outbox, the same event from two tabs, a visit's
 * memory beside what it persisted). Events without an id are all kept; nothing says they are copies.
 */
export function mergeEvents<T extends InklingEvent>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  const events: T[] = [];
  for (const list of lists) {
    for (const event of list) {
      if (event.id !== undefined) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
      }
      events.push(event);
    }
  }
  return events.sort((a, b) => a.time - b.time);
}
