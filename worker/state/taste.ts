import type { InklingEvent } from '../../common/types.js';

/**
 * How much each event says about the visitor's taste: the one weighting table of the SDK (the model's
 * affinity columns, the `similar` strategy and each item's own weight all read sums made with it).
 * Impressions say nothing here (they feed the model as negatives); a dismissal counts against.
 */
export const TASTE_WEIGHTS: Readonly<Record<InklingEvent['type'], number>> = {
  impression: 0,
  view: 1,
  click: 2,
  add_to_cart: 3,
  purchase: 4,
  dismiss: -2,
};

/** Taste halves every two weeks: a visitor's taste drifts, but not by the hour. */
export const HALF_LIFE_MS = 14 * 24 * 3600 * 1000;
const DECAY_PER_MS = Math.LN2 / HALF_LIFE_MS;

/** A view's dwell time says how much it meant: a glance counts half, a long read up to twice. */
const DWELL_FULL_MS = 10_000;

/** A decayed sum, stored as its value at `time` so that folding is O(1). */
export interface Decayed {
  value: number;
  time: number;
}

/** What one event adds to the visitor's taste: its kind's weight times {@link dwellFactor}. */
export function tasteWeight(event: InklingEvent): number {
  return TASTE_WEIGHTS[event.type] * dwellFactor(event);
}

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

/** `entry` plus `weight` at `time`: the same object updated, or a new one when there was none. */
export function addDecayed(entry: Decayed | undefined, weight: number, time: number): Decayed {
  if (!entry) return { value: weight, time };
  // Re-base the sum on the later of the two times so that old events decay, new ones count in full.
  if (time >= entry.time) {
    entry.value = decayedValue(entry, time) + weight;
    entry.time = time;
  } else {
    entry.value += decayedValue({ value: weight, time }, entry.time);
  }
  return entry;
}

/** Adds `weight` at `time` to the sum kept under `key`. */
export function addDecayedTo(map: Map<string, Decayed>, key: string, weight: number, time: number): void {
  const entry = map.get(key);
  if (entry) addDecayed(entry, weight, time);
  else map.set(key, { value: weight, time });
}
