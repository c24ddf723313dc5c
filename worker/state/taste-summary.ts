import type { EngagementVerb } from './item-record.js';
import type { Profile } from './profile.js';
import { decayedValue } from './taste.js';

/** Affinity to one category: its decayed taste weight and how many distinct items were engaged with, per verb. */
export interface CategoryAffinity {
  readonly weight: number;
  readonly items: ReadonlyMap<EngagementVerb, number>;
}

/**
 * The visitor's taste as of one ranking, as the `similar` strategy reads it: the profile's decayed sums
 * (`taste.ts`), only those above 0 (a dismissal takes away, never makes "similar" mean "opposite").
 */
export interface TasteSummary {
  /** The decayed sum of every engagement's weight; 0 for a cold-start visitor. */
  readonly totalWeight: number;
  readonly categories: ReadonlyMap<string, CategoryAffinity>;
  readonly tags: ReadonlyMap<string, number>;
  readonly brands: ReadonlyMap<string, number>;
  /** Item id to its own weight: lets `similar` use the embeddings of engaged items that are on the page. */
  readonly items: ReadonlyMap<string, number>;
}

const VERB_COUNTS: readonly (readonly [EngagementVerb, 'views' | 'clicks' | 'carts' | 'purchases'])[] = [
  ['view', 'views'],
  ['click', 'clicks'],
  ['add_to_cart', 'carts'],
  ['purchase', 'purchases'],
];

/**
 * The profile's taste at `now`, read on first use and then kept: one pass over the items the visitor met,
 * which only the `similar` strategy needs (a ranking with the default recipe never pays for it), and an
 * `explain()` that re-applies the same ranking's recipe reads the same figures.
 */
export function lazyTaste(profile: Profile, now: number): TasteSummary {
  let summary: TasteSummary | undefined;
  const get = (): TasteSummary => (summary ??= tasteAt(profile, now));
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

function tasteAt(profile: Profile, now: number): TasteSummary {
  const items = new Map<string, number>();
  const perVerb = new Map<string, Map<EngagementVerb, number>>();
  for (const [id, record] of profile.items) {
    const weight = decayedValue(record.affinity, now);
    if (weight > 0) items.set(id, weight);
    const category = record.snapshot?.category;
    if (typeof category !== 'string') continue;
    for (const [verb, field] of VERB_COUNTS) {
      if (!(record[field] > 0)) continue;
      let counts = perVerb.get(category);
      if (counts === undefined) perVerb.set(category, (counts = new Map()));
      counts.set(verb, (counts.get(verb) ?? 0) + 1);
    }
  }
  const categories = new Map<string, CategoryAffinity>();
  for (const [name, entry] of profile.categories) {
    const weight = decayedValue(entry, now);
    if (weight > 0) categories.set(name, { weight, items: perVerb.get(name) ?? new Map() });
  }
  return {
    totalWeight: Math.max(0, decayedValue(profile.engaged, now)),
    categories,
    tags: positive(profile.tags, now),
    brands: positive(profile.brands, now),
    items,
  };
}

function positive(map: Profile['tags'], now: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, entry] of map) {
    const value = decayedValue(entry, now);
    if (value > 0) out.set(key, value);
  }
  return out;
}
