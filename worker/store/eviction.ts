import type { EventType, InklingEvent } from '../../common/types.js';

/**
 * Events kept per visitor when the site sets no cap. Enough for months of a busy visitor's page views
 * (impressions are most of them, and they go first); a state folded from this many stays a few MB.
 */
export const DEFAULT_MAX_EVENTS = 20_000;

/**
 * Once a store is over its cap it is trimmed to this share of it, so that a rewrite (a full read and
 * write of the store) happens once per tenth of the cap, not once per batch.
 */
export const TRIM_TO_SHARE = 0.9;

/**
 * How much an event is worth keeping, least first: an impression only feeds the frequency cap and the
 * negatives, a purchase or a dismissal keeps an item off the page (the exclusion rules read them).
 */
const USEFULNESS: Readonly<Record<EventType, number>> = {
  impression: 0,
  click: 1,
  view: 2,
  add_to_cart: 3,
  dismiss: 4,
  purchase: 5,
};

/**
 * The positions in `events` of the `count` to evict: the least useful kind first, the oldest first
 * within a kind. Positions, not the events: a list can hold the same object twice (a resent batch).
 */
export function leastUseful(events: readonly InklingEvent[], count: number): Set<number> {
  const rank = (event: InklingEvent) => USEFULNESS[event.type] ?? -1;
  const order = events.map((_, index) => index);
  if (count < events.length)
    order.sort((a, b) => rank(events[a]!) - rank(events[b]!) || events[a]!.time - events[b]!.time || a - b);
  return new Set(order.slice(0, Math.max(0, count)));
}

/** Which events of `events` stay when at most `max` may, in their order: the same array when nothing goes. */
export function keepMostUseful<T extends InklingEvent>(events: readonly T[], max: number): readonly T[] {
  if (events.length <= max) return events;
  const evicted = leastUseful(events, events.length - max);
  return events.filter((_, index) => !evicted.has(index));
}
