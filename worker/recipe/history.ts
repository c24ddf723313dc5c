import type { EventType, InklingEvent } from '../../src/types.js';

/** How a visitor engaged with an item; used for the `similar` strategy and its explanations. */
export type EngagementVerb = 'view' | 'click' | 'add_to_cart' | 'purchase';

/** Affinity to one category: a decayed weight and how many distinct items were engaged with, per verb. */
export interface CategoryAffinity {
  readonly weight: number;
  readonly items: ReadonlyMap<EngagementVerb, number>;
}

/** What the visitor engaged with lately (see {@link ENGAGEMENT_LOOKBACK_MS}), weighted and decayed. */
export interface EngagementSummary {
  /** Sum of the weights of all counted events; 0 for a cold-start visitor. */
  readonly totalWeight: number;
  readonly categories: ReadonlyMap<string, CategoryAffinity>;
  readonly tags: ReadonlyMap<string, number>;
  readonly brands: ReadonlyMap<string, number>;
  /** Item id to weight: lets `similar` use the embeddings of engaged items that are on the page. */
  readonly items: ReadonlyMap<string, number>;
}

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
  /**
   * Page views with a viewable impression of the item after `since` and after its last engagement:
   * "shown N times without a click".
   */
  impressionsWithoutClick(itemId: string, since: number): number;
  readonly engagement: EngagementSummary;
}

/** Events older than this do not feed `similar` ("lately"). */
export const ENGAGEMENT_LOOKBACK_MS = 30 * 86_400_000;
/** An engagement counts half as much after this long. */
export const ENGAGEMENT_HALF_LIFE_MS = 7 * 86_400_000;
/** How much each kind of engagement says about taste. */
export const ENGAGEMENT_WEIGHTS: Readonly<Record<EngagementVerb, number>> = { view: 1, click: 1, add_to_cart: 2, purchase: 3 };

interface ItemRecord {
  lastPurchase?: number;
  dismissedAt?: number;
  lastEngaged?: number;
  /** Impression times, one per page view (the earliest), sorted after the build. */
  shown: number[];
}

function isEngagement(type: EventType): type is EngagementVerb {
  return type === 'view' || type === 'click' || type === 'add_to_cart' || type === 'purchase';
}

function later(current: number | undefined, time: number): number {
  return current === undefined || time > current ? time : current;
}

/**
 * Folds a visitor's events into a {@link VisitorHistory} for one ranking at `now`. Event order does not
 * matter; events with a non-finite time are ignored.
 */
export function buildHistory(events: readonly InklingEvent[], now: number): VisitorHistory {
  const records = new Map<string, ItemRecord>();
  const impressionKeys = new Map<string, number>();
  const engagement = new EngagementBuilder(now);
  for (const event of events) {
    if (!Number.isFinite(event.time) || typeof event.itemId !== 'string') continue;
    let record = records.get(event.itemId);
    if (record === undefined) {
      record = { shown: [] };
      records.set(event.itemId, record);
    }
    if (event.type === 'impression') {
      // The tracker already logs one impression per item per slot per page view; an item seen in two slots
      // of one page view was still shown once, so caps count page views.
      if (event.pageViewId === undefined) record.shown.push(event.time);
      else {
        const key = `${event.itemId}\u0000${event.pageViewId}`;
        const seen = impressionKeys.get(key);
        if (seen === undefined || event.time < seen) impressionKeys.set(key, event.time);
      }
    } else if (event.type === 'dismiss') {
      record.dismissedAt = later(record.dismissedAt, event.time);
    } else if (isEngagement(event.type)) {
      record.lastEngaged = later(record.lastEngaged, event.time);
      if (event.type === 'purchase') record.lastPurchase = later(record.lastPurchase, event.time);
      engagement.add(event, event.type);
    }
  }
  for (const [key, time] of impressionKeys) records.get(key.slice(0, key.indexOf('\u0000')))?.shown.push(time);
  for (const record of records.values()) if (record.shown.length > 1) record.shown.sort((a, b) => a - b);
  return new MapHistory(now, records, engagement.summary());
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

class EngagementBuilder {
  private total = 0;
  private readonly categories = new Map<string, { weight: number; items: Map<EngagementVerb, Set<string>> }>();
  private readonly tags = new Map<string, number>();
  private readonly brands = new Map<string, number>();
  private readonly items = new Map<string, number>();

  constructor(private readonly now: number) {}

  add(event: InklingEvent, verb: EngagementVerb): void {
    const age = Math.max(0, this.now - event.time);
    if (age > ENGAGEMENT_LOOKBACK_MS) return;
    const weight = ENGAGEMENT_WEIGHTS[verb] * 0.5 ** (age / ENGAGEMENT_HALF_LIFE_MS);
    this.total += weight;
    bump(this.items, event.itemId, weight);
    const snapshot = event.item;
    if (snapshot === undefined) return;
    if (typeof snapshot.brand === 'string') bump(this.brands, snapshot.brand, weight);
    if (Array.isArray(snapshot.tags)) for (const tag of new Set(snapshot.tags)) bump(this.tags, tag, weight);
    if (typeof snapshot.category === 'string') {
      let entry = this.categories.get(snapshot.category);
      if (entry === undefined) {
        entry = { weight: 0, items: new Map() };
        this.categories.set(snapshot.category, entry);
      }
      entry.weight += weight;
      let ids = entry.items.get(verb);
      if (ids === undefined) entry.items.set(verb, (ids = new Set()));
      ids.add(event.itemId);
    }
  }

  summary(): EngagementSummary {
    const categories = new Map<string, CategoryAffinity>();
    for (const [name, entry] of this.categories) {
      const items = new Map<EngagementVerb, number>();
      for (const [verb, ids] of entry.items) items.set(verb, ids.size);
      categories.set(name, { weight: entry.weight, items });
    }
    return { totalWeight: this.total, categories, tags: this.tags, brands: this.brands, items: this.items };
  }
}

function bump(map: Map<string, number>, key: string, weight: number): void {
  map.set(key, (map.get(key) ?? 0) + weight);
}
