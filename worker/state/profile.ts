import type { InklingEvent, ItemSnapshot } from '../../common/types.js';
import { emptyRecord, foldItem, type ItemRecord } from './item-record.js';
import { addDecayed, addDecayedTo, type Decayed, tasteWeight } from './taste.js';

/**
 * The visitor's state built incrementally from events: time-decayed taste (`taste.ts`) and one record
 * per item met (`item-record.ts`).
 */
export interface Profile {
  readonly categories: Map<string, Decayed>;
  readonly tags: Map<string, Decayed>;
  readonly brands: Map<string, Decayed>;
  readonly items: Map<string, ItemRecord>;
  /** The decayed sum of every engagement's weight: what `similar` measures an affinity against. */
  engaged: Decayed;
  /** Ids of the last engaged items, newest last (views, clicks, carts, purchases). */
  readonly recent: string[];
  /** Sum and count of prices of engaged items, for the visitor's usual price. */
  priceLogSum: number;
  priceCount: number;
  eventCount: number;
}

const RECENT_LIMIT = 20;

/** An empty profile: a visitor with no events. */
export function createProfile(): Profile {
  return {
    categories: new Map(),
    tags: new Map(),
    brands: new Map(),
    items: new Map(),
    engaged: { value: 0, time: 0 },
    recent: [],
    priceLogSum: 0,
    priceCount: 0,
    eventCount: 0,
  };
}

/**
 * Folds one event into the profile: its item's record, then the taste. Events may arrive slightly out
 * of order; decay handles that.
 */
export function foldEvent(profile: Profile, event: InklingEvent): void {
  profile.eventCount += 1;
  if (typeof event.itemId !== 'string') return;
  let record = profile.items.get(event.itemId);
  if (record === undefined) profile.items.set(event.itemId, (record = emptyRecord()));
  const weight = tasteWeight(event);
  foldItem(record, event, weight);
  if (weight === 0) return;
  // Taste reads the event's own snapshot, so that it does not depend on the order events are folded in;
  // a sum at a non-finite time would stay NaN for good.
  const own = event.item as Partial<ItemSnapshot> | undefined;
  if (own && typeof own === 'object' && Number.isFinite(event.time)) {
    if (typeof own.category === 'string' && own.category)
      addDecayedTo(profile.categories, own.category, weight, event.time);
    if (typeof own.brand === 'string' && own.brand) addDecayedTo(profile.brands, own.brand, weight, event.time);
    if (Array.isArray(own.tags))
      for (const tag of own.tags) if (typeof tag === 'string') addDecayedTo(profile.tags, tag, weight, event.time);
  }
  if (weight > 0) {
    if (Number.isFinite(event.time)) profile.engaged = addDecayed(profile.engaged, weight, event.time);
    rememberRecent(profile.recent, event.itemId);
    // The usual price may come from an earlier event's snapshot of the item.
    const price = record.snapshot?.price;
    if (typeof price === 'number' && price > 0) {
      profile.priceLogSum += Math.log(price);
      profile.priceCount += 1;
    }
  }
}

function rememberRecent(recent: string[], itemId: string): void {
  const at = recent.indexOf(itemId);
  if (at >= 0) recent.splice(at, 1);
  recent.push(itemId);
  if (recent.length > RECENT_LIMIT) recent.shift();
}
