import type { InklingEvent } from '../../common/types.js';

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

/** Events older than this do not feed `similar` ("lately"). */
export const ENGAGEMENT_LOOKBACK_MS = 30 * 86_400_000;
/** An engagement counts half as much after this long. */
export const ENGAGEMENT_HALF_LIFE_MS = 7 * 86_400_000;
/** How much each kind of engagement says about taste. */
export const ENGAGEMENT_WEIGHTS: Readonly<Record<EngagementVerb, number>> = {
  view: 1,
  click: 1,
  add_to_cart: 2,
  purchase: 3,
};

/** An engagement event as kept between rankings: the snapshot is what `similar` learns from. */
export interface EngagementEntry {
  readonly itemId: string;
  readonly verb: EngagementVerb;
  readonly time: number;
  readonly item: InklingEvent['item'];
}

/**
 * The summary of the first `count` entries (an append-only list), computed on first read: it costs one
 * pass over up to 30 days of engagements, and only the `similar` strategy reads it, so a ranking with
 * the default recipe never pays for it.
 */
export function lazyEngagement(entries: readonly EngagementEntry[], count: number, now: number): EngagementSummary {
  let summary: EngagementSummary | undefined;
  const get = (): EngagementSummary => {
    if (summary === undefined) {
      const builder = new EngagementBuilder(now);
      for (let i = 0; i < count; i++) builder.add(entries[i]!);
      summary = builder.summary();
    }
    return summary;
  };
  return {
    get totalWeight() {
      return get().totalWeight;
    },
    get categories() {
      return get().categories;
    },
    get tags() {
      return get().tags;
    },
    get brands() {
      return get().brands;
    },
    get items() {
      return get().items;
    },
  };
}

class EngagementBuilder {
  private total = 0;
  private readonly categories = new Map<string, { weight: number; items: Map<EngagementVerb, Set<string>> }>();
  private readonly tags = new Map<string, number>();
  private readonly brands = new Map<string, number>();
  private readonly items = new Map<string, number>();

  constructor(private readonly now: number) {}

  add(event: EngagementEntry): void {
    const verb = event.verb;
    const age = Math.max(0, this.now - event.time);
    if (age > ENGAGEMENT_LOOKBACK_MS) return;
    const weight = ENGAGEMENT_WEIGHTS[verb] * 0.5 ** (age / ENGAGEMENT_HALF_LIFE_MS);
    this.total += weight;
    bump(this.items, event.itemId, weight);
    const snapshot = event.item;
    // Stored events come from the site: a snapshot may be missing or not an object at all.
    if (typeof snapshot !== 'object' || snapshot === null) return;
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
