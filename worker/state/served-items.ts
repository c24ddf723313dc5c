import { snapshotOf } from '../../common/item.js';
import type { InklingEvent, Item } from '../../common/types.js';

/** Each slot's last ranked items, by id: built when an impression first asks, not on every ranking. */
const byIdOf = new WeakMap<readonly Item[], Map<string, Item>>();

/**
 * The events, each one without an `item` given the snapshot of the item it names from its slot's last
 * ranking (`itemsOf(itemListId)`). The page sends a ranked item's impressions as ids only
 * (`src/page-watch.ts`): a grid's hundred impressions then cost the main thread no copies to build or
 * to clone, and the engine, which holds what it ranked, puts the snapshot back before the events are
 * folded and stored. An impression that reaches another engine (parked as the page went away, sent by
 * the next page) stays without one, as any event tracked without its item does.
 */
export function withSnapshots(
  events: readonly InklingEvent[],
  itemsOf: (slot: string) => readonly Item[] | undefined,
): readonly InklingEvent[] {
  if (events.every((event) => event.item || event.itemListId === undefined)) return events;
  return events.map((event) => {
    const items = event.item || event.itemListId === undefined ? undefined : itemsOf(event.itemListId);
    if (!items) return event;
    let byId = byIdOf.get(items);
    if (!byId) byIdOf.set(items, (byId = new Map(items.map((item) => [item.id, item]))));
    const item = byId.get(event.itemId);
    return item ? { ...event, item: snapshotOf(item) } : event;
  });
}
