import type { EventType, InklingEvent, ItemSnapshot } from '../../common/types.js';
import { addDecayed, type Decayed } from './taste.js';

/** How a visitor engaged with an item. */
export type EngagementVerb = 'view' | 'click' | 'add_to_cart' | 'purchase';

/**
 * What the visitor did with one item: the one per-item record, read by the model's columns, the personal
 * reasons, the rules (exclusions, caps, rotation), `similar` and `export()`. Folded by {@link foldItem}.
 */
export interface ItemRecord {
  views: number;
  clicks: number;
  carts: number;
  purchases: number;
  /** Impression events, each one (an item in two slots of a page view counts twice): the model's column. */
  impressions: number;
  dismissals: number;
  /** Latest view, click, add to cart or purchase: what resets a frequency cap; absent for never. */
  lastEngaged?: number;
  lastPurchase?: number;
  dismissedAt?: number;
  /**
   * Viewable impression times, one per page view (its earliest) plus each impression without a page view,
   * ascending: what caps and rotation count.
   */
  shown: number[];
  /** Earliest impression per page view id, for page views that may still send one (see the checkpoint). */
  pageViews?: Map<string, number>;
  /** The item's own taste weight, decayed (`taste.ts`): what `similar` weighs its embedding by. */
  affinity?: Decayed;
  /** The item as its latest event described it. */
  snapshot?: ItemSnapshot;
}

/** A record of an item the visitor has not met yet. */
export function emptyRecord(): ItemRecord {
  return { views: 0, clicks: 0, carts: 0, purchases: 0, impressions: 0, dismissals: 0, shown: [] };
}

/**
 * Folds one event about the item into its record; `weight` is the event's taste weight. Counts take every
 * event; times only finite ones. Impressions count once per page view in `shown`, at their earliest time.
 */
export function foldItem(record: ItemRecord, event: InklingEvent, weight: number): void {
  if (event.item) record.snapshot = event.item;
  const time = event.time;
  const timed = Number.isFinite(time);
  switch (event.type) {
    case 'impression':
      record.impressions += 1;
      if (timed) showAt(record, time, event.pageViewId);
      break;
    case 'view':
      record.views += 1;
      break;
    case 'click':
      record.clicks += 1;
      break;
    case 'add_to_cart':
      record.carts += 1;
      break;
    case 'purchase':
      record.purchases += 1;
      if (timed) record.lastPurchase = later(record.lastPurchase, time);
      break;
    case 'dismiss':
      record.dismissals += 1;
      if (timed) record.dismissedAt = later(record.dismissedAt, time);
      break;
  }
  if (!timed) return;
  if (isEngagement(event.type)) record.lastEngaged = later(record.lastEngaged, time);
  if (weight !== 0) record.affinity = addDecayed(record.affinity, weight, time);
}

/** Views, clicks, adds to cart and purchases: what "engaged" means throughout the SDK. */
export function isEngagement(type: EventType): type is EngagementVerb {
  return type === 'view' || type === 'click' || type === 'add_to_cart' || type === 'purchase';
}

function later(current: number | undefined, time: number): number {
  return current === undefined || time > current ? time : current;
}

/** Adds an impression to `shown`: an item seen in two slots of one page view was still shown once. */
function showAt(record: ItemRecord, time: number, pageViewId: string | undefined): void {
  if (pageViewId !== undefined) {
    const pageViews = (record.pageViews ??= new Map());
    const seen = pageViews.get(pageViewId);
    if (seen !== undefined && seen <= time) return;
    pageViews.set(pageViewId, time);
    if (seen !== undefined) record.shown.splice(firstAfter(record.shown, seen) - 1, 1);
  }
  // Events mostly arrive in time order: the insertion point is then the end.
  const shown = record.shown;
  if (shown.length === 0 || shown[shown.length - 1]! <= time) shown.push(time);
  else shown.splice(firstAfter(shown, time), 0, time);
}

/**
 * Page views with a viewable impression after `since` and after the item's last engagement:
 * "shown N times without a click".
 */
export function shownWithoutClick(record: ItemRecord | undefined, since: number): number {
  if (record === undefined || record.shown.length === 0) return 0;
  const from = record.lastEngaged === undefined ? since : Math.max(since, record.lastEngaged);
  return record.shown.length - firstAfter(record.shown, from);
}

/** Index of the first time strictly greater than `after` in a sorted array. */
function firstAfter(times: readonly number[], after: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] as number) > after) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The record as `export()` shows it: plain JSON, without the bookkeeping of open page views. */
export function exportedRecord(record: ItemRecord): Omit<ItemRecord, 'pageViews'> {
  const { pageViews: _pageViews, ...rest } = record;
  return { ...rest, shown: [...rest.shown] };
}
