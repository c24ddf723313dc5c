import type { InklingEvent, Item } from '../../common/types.js';
import type { Ranker } from './types.js';

/** Keeps the site's (or the protocol's) original order. */
export function originalOrder(): Ranker {
  return { name: 'original order', observe: () => {}, rank: (items) => items.map((i) => i.id) };
}

/**
 * Most popular first, using the `popularity` the harness attached from the past of the whole log;
 * ties keep the original order.
 */
export function popularityOrder(): Ranker {
  return {
    name: 'popularity',
    observe: () => {},
    rank: (items) => stableSortBy(items, (item) => -(item.popularity ?? 0)),
  };
}

/** Engagements that count as "interacted": anything but a passive impression or a dismissal. */
const ENGAGED = new Set<InklingEvent['type']>(['view', 'click', 'add_to_cart', 'purchase']);

/** Items this visitor engaged with, most recent first; the others keep the original order after them. */
export function recentlyInteractedFirst(): Ranker {
  let last = new Map<string, number>();
  let counter = 0;
  return {
    name: 'recently interacted first',
    observe(event) {
      // A counter rather than the time stamp, so that events in the same second keep their order.
      if (ENGAGED.has(event.type)) last.set(event.itemId, ++counter);
    },
    rank: (items) => stableSortBy(items, (item) => -(last.get(item.id) ?? 0)),
    reset() {
      last = new Map();
      counter = 0;
    },
  };
}

/** Sorts ids by ascending key; equal keys keep the input order. */
export function stableSortBy(items: readonly Item[], key: (item: Item) => number): string[] {
  return items
    .map((item, index) => ({ id: item.id, key: key(item), index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((x) => x.id);
}
