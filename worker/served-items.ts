import type { InklingEvent, Item, ItemSnapshot } from '../src/types.js';

/**
 * The items this engine was asked to rank, by id, as the snapshot an event carries. The page sends a
 * ranked item's impressions as ids only (`src/page-watch.ts`): a grid's hundred impressions then cost
 * the main thread no copies to build or to clone, and the engine, which read every item when it
 * ranked them, puts the snapshot back before the events are folded and stored. An impression that
 * reaches another engine (parked as the page went away, sent by the next page) stays without one, as
 * any event tracked without its item does.
 */
export interface ServedItems {
  remember(items: readonly Item[]): void;
  /** The events, each one without an `item` given the snapshot of the item it names, when known. */
  fill(events: readonly InklingEvent[]): readonly InklingEvent[];
  clear(): void;
}

/** `limit`: how many items are kept; the least recently ranked go first (a long single-page visit). */
export function createServedItems(limit = 5000): ServedItems {
  const byId = new Map<string, ItemSnapshot>();
  return {
    remember(items) {
      for (const { id, category, tags, brand, price } of items) {
        // Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
        byId.delete(id);
        byId.set(id, { category, tags, brand, price });
      }
      for (const id of byId.keys()) {
        if (byId.size <= limit) break;
        byId.delete(id);
      }
    },
    fill(events) {
      if (byId.size === 0 || events.every((event) => event.item)) return events;
      return events.map((event) => {
        const item = event.item ? undefined : byId.get(event.itemId);
        return item ? { ...event, item } : event;
      });
    },
    clear: () => byId.clear(),
  };
}
