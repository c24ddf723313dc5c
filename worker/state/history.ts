import type { InklingEvent } from '../../common/types.js';
import { type ItemRecord, shownWithoutClick } from './item-record.js';
import { createProfile, foldEvent, type Profile } from './profile.js';
import { lazyTaste, type TasteSummary } from './taste-summary.js';

/**
 * Everything the rules and `similar` ask about a visitor at one ranking, answered from the profile's item
 * records in O(1) or O(log n).
 */
export interface VisitorHistory {
  /** The `now` the history was read for. */
  readonly builtAt: number;
  /** Everything about one item, or `undefined` when the visitor never met it. */
  item(itemId: string): ItemRecord | undefined;
  /** Time of the latest purchase of the item. */
  lastPurchase(itemId: string): number | undefined;
  /** Time of the latest dismissal of the item. */
  dismissedAt(itemId: string): number | undefined;
  /** Time of the latest click, view, add to cart or purchase of the item: what resets a frequency cap. */
  lastEngaged(itemId: string): number | undefined;
  /** Time the item was last shown (viewable impression). */
  lastShown(itemId: string): number | undefined;
  /** See {@link shownWithoutClick}. */
  impressionsWithoutClick(itemId: string, since: number): number;
  readonly taste: TasteSummary;
}

/** The profile as the rules and `similar` read it for one ranking at `now`. */
export function historyAt(profile: Profile, now: number): VisitorHistory {
  const items = profile.items;
  return {
    builtAt: now,
    taste: lazyTaste(profile, now),
    item: (itemId) => items.get(itemId),
    lastPurchase: (itemId) => items.get(itemId)?.lastPurchase,
    dismissedAt: (itemId) => items.get(itemId)?.dismissedAt,
    lastEngaged: (itemId) => items.get(itemId)?.lastEngaged,
    lastShown(itemId) {
      const shown = items.get(itemId)?.shown;
      return shown === undefined || shown.length === 0 ? undefined : shown[shown.length - 1];
    },
    impressionsWithoutClick: (itemId, since) => shownWithoutClick(items.get(itemId), since),
  };
}

/** Folds a visitor's events into a fresh profile and reads it for one ranking at `now` (tests and benches). */
export function buildHistory(events: readonly InklingEvent[], now: number): VisitorHistory {
  const profile = createProfile();
  for (const event of events) foldEvent(profile, event);
  return historyAt(profile, now);
}
