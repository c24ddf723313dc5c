import type { InklingEvent, ItemSnapshot } from '../../common/types.js';

/** How much each event says about taste. Impressions alone say nothing here (they feed the model as negatives). */
const EVENT_WEIGHT: Readonly<Record<InklingEvent['type'], number>> = {
  impression: 0,
  view: 1,
  click: 2,
  add_to_cart: 3,
  purchase: 4,
  dismiss: -2,
};

/** Affinities halve every two weeks: a visitor's taste drifts, but not by the hour. */
export const HALF_LIFE_MS = 14 * 24 * 3600 * 1000;
const DECAY_PER_MS = Math.LN2 / HALF_LIFE_MS;

/** A decayed sum, stored as its value at `time` so that folding is O(1). */
export interface Decayed {
  value: number;
  time: number;
}

/** What the visitor did with one item. */
export interface ItemHistory {
  views: number;
  clicks: number;
  carts: number;
  purchases: number;
  impressions: number;
  dismissals: number;
  lastEngaged: number;
  lastPurchase: number;
  snapshot?: ItemSnapshot;
}

/** Time-decayed affinities and per-item counts, built incrementally from events. */
export interface Profile {
  readonly categories: Map<string, Decayed>;
  readonly tags: Map<string, Decayed>;
  readonly brands: Map<string, Decayed>;
  readonly items: Map<string, ItemHistory>;
  /** Ids of the last engaged items, newest last (views, clicks, carts, purchases). */
  readonly recent: string[];
  /** Sum and count of prices of engaged items, for the visitor's usual price. */
  priceLogSum: number;
  priceCount: number;
  eventCount: number;
}

const RECENT_LIMIT = 20;

export function createProfile(): Profile {
  return {
    categories: new Map(),
    tags: new Map(),
    brands: new Map(),
    items: new Map(),
    recent: [],
    priceLogSum: 0,
    priceCount: 0,
    eventCount: 0,
  };
}

/** Folds one event into the profile. Events may arrive slightly out of order; decay handles that. */
export function foldEvent(profile: Profile, event: InklingEvent): void {
  profile.eventCount += 1;
  const history = itemHistory(profile, event.itemId);
  if (event.item) history.snapshot = event.item;
  countEvent(history, event);
  const weight = EVENT_WEIGHT[event.type] * dwellFactor(event);
  if (weight === 0) return;
  const snapshot = history.snapshot;
  if (snapshot?.category) addDecayed(profile.categories, snapshot.category, weight, event.time);
  if (snapshot?.brand) addDecayed(profile.brands, snapshot.brand, weight, event.time);
  for (const tag of snapshot?.tags ?? []) addDecayed(profile.tags, tag, weight, event.time);
  if (weight > 0) {
    history.lastEngaged = Math.max(history.lastEngaged, event.time);
    rememberRecent(profile.recent, event.itemId);
    if (snapshot?.price !== undefined && snapshot.price > 0) {
      profile.priceLogSum += Math.log(snapshot.price);
      profile.priceCount += 1;
    }
  }
}

/** A view's dwell time says how much it meant: a glance counts half, a long read up to twice. */
const DWELL_FULL_MS = 10_000;

/**
 * How much a view counts for taste by its dwell time: 0.5 for a glance, 1 at 10 s (and when the
 * dwell is unknown), up to 2 at 30 s and beyond. Other events count as they are.
 */
export function dwellFactor(event: InklingEvent): number {
  const dwell = event.dwellMs;
  if (event.type !== 'view' || typeof dwell !== 'number' || !Number.isFinite(dwell) || dwell < 0) return 1;
  return dwell <= DWELL_FULL_MS
    ? 0.5 + (0.5 * dwell) / DWELL_FULL_MS
    : Math.min(2, 1 + (dwell - DWELL_FULL_MS) / (2 * DWELL_FULL_MS));
}

/** The decayed value of `entry` as seen at `now`. */
export function decayedValue(entry: Decayed | undefined, now: number): number {
  if (!entry) return 0;
  return entry.value * Math.exp(-DECAY_PER_MS * Math.max(0, now - entry.time));
}

function countEvent(history: ItemHistory, event: InklingEvent): void {
  switch (event.type) {
    case 'impression':
      history.impressions += 1;
      break;
    case 'view':
      history.views += 1;
      break;
    case 'click':
      history.clicks += 1;
      break;
    case 'add_to_cart':
      history.carts += 1;
      break;
    case 'purchase':
      history.purchases += 1;
      history.lastPurchase = Math.max(history.lastPurchase, event.time);
      break;
    case 'dismiss':
      history.dismissals += 1;
      break;
  }
}

function itemHistory(profile: Profile, itemId: string): ItemHistory {
  let history = profile.items.get(itemId);
  if (!history) {
    history = {
      views: 0,
      clicks: 0,
      carts: 0,
      purchases: 0,
      impressions: 0,
      dismissals: 0,
      lastEngaged: 0,
      lastPurchase: 0,
    };
    profile.items.set(itemId, history);
  }
  return history;
}

function addDecayed(map: Map<string, Decayed>, key: string, weight: number, time: number): void {
  const entry = map.get(key);
  if (!entry) {
    map.set(key, { value: weight, time });
    return;
  }
  // Re-base the sum on the later of the two times so that old events decay, new ones count in full.
  if (time >= entry.time) {
    entry.value = decayedValue(entry, time) + weight;
    entry.time = time;
  } else {
    entry.value += decayedValue({ value: weight, time }, entry.time);
  }
}

function rememberRecent(recent: string[], itemId: string): void {
  const at = recent.indexOf(itemId);
  if (at >= 0) recent.splice(at, 1);
  recent.push(itemId);
  if (recent.length > RECENT_LIMIT) recent.shift();
}
