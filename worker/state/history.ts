import type { EventType, InklingEvent } from '../../common/types.js';
import { type EngagementEntry, type EngagementSummary, type EngagementVerb, lazyEngagement } from './engagement.js';

/** What the visitor did with one item; the rules read it with a single map lookup per item. */
export interface ItemHistory {
  readonly lastPurchase?: number;
  readonly dismissedAt?: number;
  /** Latest click, view, add to cart or purchase: what resets a frequency cap. */
  readonly lastEngaged?: number;
  /** Viewable impression times, one per page view (the earliest), ascending. */
  readonly shown: readonly number[];
}

/** Everything the rules and `similar` ask about a visitor, answered from maps in O(1) or O(log n). */
export interface VisitorHistory {
  /** The `now` the history was built for. */
  readonly builtAt: number;
  /** Everything about one item, or `undefined` when the visitor never met it. */
  item(itemId: string): ItemHistory | undefined;
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
  readonly engagement: EngagementSummary;
}

/**
 * A visitor's history kept between rankings: `add` each batch as it is ingested, `at(now)` before each
 * ranking. Cheaper than rebuilding from every stored event per ranking.
 */
export interface HistoryIndex {
  /** Folds events in; order does not matter, events with a non-finite time are ignored. */
  add(events: readonly InklingEvent[]): void;
  /** The history as of `now`, for one ranking. Later `add` calls need a fresh `at`. */
  at(now: number): VisitorHistory;
  /**
   * A copy as plain JSON, for a checkpoint (`createHistoryIndex(snapshot)` goes on from it). Page views
   * before `pageViewsSince` keep only their impression times: an item is counted once per page view,
   * and only a recent page view can still send an impression of it. Engagements before
   * `engagedSince` are left out: rankings at a later time no longer count them (the lookback).
   */
  snapshot(pageViewsSince: number, engagedSince: number): HistorySnapshot;
}

/**
 * See {@link HistoryIndex.snapshot}: plain JSON, item by item in columns (JSON.parse pays per object far
 * more than per number).
 */
export interface HistorySnapshot {
  readonly ids: readonly string[];
  /** Three per item: last purchase, dismissal and engagement; `null` for never. */
  readonly times: readonly (number | null)[];
  /** Impression times of page views no longer open, sorted, item after item; item i's end at `shownEnds[i]`. */
  readonly shown: readonly number[];
  readonly shownEnds: readonly number[];
  /** Per item (by index) with impressions of page views still open: those, by page view id. */
  readonly openPageViews: readonly (readonly [number, readonly (readonly [string, number])[]])[];
  readonly engagement: readonly EngagementEntry[];
}

interface ItemRecord {
  lastPurchase?: number;
  dismissedAt?: number;
  lastEngaged?: number;
  /** Sorted impression times; rebuilt from the two fields below when `dirty`. */
  shown: number[];
  /** Earliest impression per page view: the tracker logs one per item per slot per page view. */
  pageViews?: Map<string, number>;
  /** Impressions without a page view id, each counted. */
  loose?: number[];
  dirty: boolean;
}

function isEngagement(type: EventType): type is EngagementVerb {
  return type === 'view' || type === 'click' || type === 'add_to_cart' || type === 'purchase';
}

function later(current: number | undefined, time: number): number {
  return current === undefined || time > current ? time : current;
}

/** Creates an empty {@link HistoryIndex}, or one that goes on from a snapshot. */
export function createHistoryIndex(from?: HistorySnapshot): HistoryIndex {
  const records = new Map<string, ItemRecord>();
  const dirty = new Set<ItemRecord>();
  const engagement: EngagementEntry[] = from ? [...from.engagement] : [];
  if (from) restore(from, records, dirty);
  return {
    add(events) {
      for (const event of events) {
        if (!Number.isFinite(event.time) || typeof event.itemId !== 'string') continue;
        let record = records.get(event.itemId);
        if (record === undefined) records.set(event.itemId, (record = { shown: [], dirty: false }));
        if (event.type === 'impression') {
          // An item seen in two slots of one page view was still shown once: caps count page views.
          if (event.pageViewId === undefined) (record.loose ??= []).push(event.time);
          else {
            const pageViews = (record.pageViews ??= new Map());
            const seen = pageViews.get(event.pageViewId);
            if (seen === undefined || event.time < seen) pageViews.set(event.pageViewId, event.time);
          }
          record.dirty = true;
          dirty.add(record);
        } else if (event.type === 'dismiss') {
          record.dismissedAt = later(record.dismissedAt, event.time);
        } else if (isEngagement(event.type)) {
          record.lastEngaged = later(record.lastEngaged, event.time);
          if (event.type === 'purchase') record.lastPurchase = later(record.lastPurchase, event.time);
          engagement.push({ itemId: event.itemId, verb: event.type, time: event.time, item: event.item });
        }
      }
    },
    at(now) {
      for (const record of dirty) {
        const shown = record.loose === undefined ? [] : [...record.loose];
        if (record.pageViews !== undefined) for (const time of record.pageViews.values()) shown.push(time);
        record.shown = shown.sort((a, b) => a - b);
        record.dirty = false;
      }
      dirty.clear();
      // `engagement` only grows, so its length now is this ranking's snapshot.
      return new MapHistory(now, records, lazyEngagement(engagement, engagement.length, now));
    },
    snapshot(pageViewsSince, engagedSince) {
      const ids: string[] = [];
      const times: (number | null)[] = [];
      const shown: number[] = [];
      const shownEnds: number[] = [];
      const openPageViews: [number, [string, number][]][] = [];
      for (const [itemId, record] of records) {
        const older = record.loose ? [...record.loose] : [];
        const open: [string, number][] = [];
        for (const [pageViewId, time] of record.pageViews ?? []) {
          if (time >= pageViewsSince) open.push([pageViewId, time]);
          else older.push(time);
        }
        if (open.length > 0) openPageViews.push([ids.length, open]);
        ids.push(itemId);
        times.push(record.lastPurchase ?? null, record.dismissedAt ?? null, record.lastEngaged ?? null);
        for (const time of older.sort((a, b) => a - b)) shown.push(time);
        shownEnds.push(shown.length);
      }
      return {
        ids,
        times,
        shown,
        shownEnds,
        openPageViews,
        engagement: engagement.filter((entry) => entry.time >= engagedSince),
      };
    },
  };
}

/** Fills an index's records from a snapshot; only items with page views still open need their `shown` rebuilt. */
function restore(from: HistorySnapshot, records: Map<string, ItemRecord>, dirty: Set<ItemRecord>): void {
  const time = (value: number | null | undefined) => value ?? undefined;
  from.ids.forEach((itemId, i) => {
    const loose = from.shown.slice(i === 0 ? 0 : from.shownEnds[i - 1], from.shownEnds[i]);
    const record: ItemRecord = {
      lastPurchase: time(from.times[3 * i]),
      dismissedAt: time(from.times[3 * i + 1]),
      lastEngaged: time(from.times[3 * i + 2]),
      shown: loose,
      dirty: false,
    };
    if (loose.length > 0) record.loose = [...loose];
    records.set(itemId, record);
  });
  for (const [index, pageViews] of from.openPageViews) {
    const record = records.get(from.ids[index]!)!;
    record.pageViews = new Map(pageViews);
    record.dirty = true;
    dirty.add(record);
  }
}

/** Folds a visitor's events into a {@link VisitorHistory} for one ranking at `now`. */
export function buildHistory(events: readonly InklingEvent[], now: number): VisitorHistory {
  const index = createHistoryIndex();
  index.add(events);
  return index.at(now);
}

/**
 * Page views with a viewable impression after `since` and after the item's last engagement:
 * "shown N times without a click".
 */
export function shownWithoutClick(record: ItemHistory | undefined, since: number): number {
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

class MapHistory implements VisitorHistory {
  constructor(
    readonly builtAt: number,
    private readonly records: ReadonlyMap<string, ItemRecord>,
    readonly engagement: EngagementSummary,
  ) {}

  item(itemId: string): ItemHistory | undefined {
    return this.records.get(itemId);
  }

  lastPurchase(itemId: string): number | undefined {
    return this.records.get(itemId)?.lastPurchase;
  }

  dismissedAt(itemId: string): number | undefined {
    return this.records.get(itemId)?.dismissedAt;
  }

  lastEngaged(itemId: string): number | undefined {
    return this.records.get(itemId)?.lastEngaged;
  }

  lastShown(itemId: string): number | undefined {
    const shown = this.records.get(itemId)?.shown;
    return shown === undefined || shown.length === 0 ? undefined : shown[shown.length - 1];
  }

  impressionsWithoutClick(itemId: string, since: number): number {
    return shownWithoutClick(this.records.get(itemId), since);
  }
}
