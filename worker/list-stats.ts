import type { Item } from '../src/types.js';
import type { Profile } from './profile.js';

/** Facts about a whole list that per-item features are measured against, computed once per ranking. */
export interface ListStats {
  /** For items among the visitor's recent engagements: 0 for the newest, 1 for the one before, ... */
  readonly recentRank: ReadonlyMap<string, number>;
  /** For listed items the visitor engaged with: 0 for the most recent of them, 1 for the one before, ... */
  readonly listRecencyRank: ReadonlyMap<string, number>;
  /** Site position of the listed item the visitor engaged with most recently, if any. */
  readonly lastEngagedPosition: number | undefined;
  readonly maxPopularity: number;
  readonly medianPrice: number | undefined;
  /** Per item (array order): 0 for the cheapest priced item up to 1 for the dearest; 0 when unpriced. */
  readonly priceRank: Float32Array;
}

/** Computes the list-level facts in O(n log n). */
export function listStats(items: readonly Item[], profile: Profile, positions?: readonly number[]): ListStats {
  const recentRank = new Map<string, number>();
  for (let k = 0; k < profile.recent.length; k++) recentRank.set(profile.recent[profile.recent.length - 1 - k]!, k);

  let lastEngagedPosition: number | undefined;
  let best = Infinity;
  let maxPopularity = 0;
  const priced: { index: number; price: number }[] = [];
  items.forEach((item, i) => {
    const rank = recentRank.get(item.id);
    if (rank !== undefined && rank < best) {
      best = rank;
      lastEngagedPosition = positions?.[i] ?? i;
    }
    maxPopularity = Math.max(maxPopularity, item.popularity ?? 0);
    if (item.price !== undefined && item.price > 0) priced.push({ index: i, price: item.price });
  });

  const engaged = items.filter((item) => recentRank.has(item.id)).sort((a, b) => recentRank.get(a.id)! - recentRank.get(b.id)!);
  const listRecencyRank = new Map(engaged.map((item, k) => [item.id, k]));
  priced.sort((a, b) => a.price - b.price);
  const priceRank = new Float32Array(items.length);
  const span = Math.max(1, priced.length - 1);
  priced.forEach((entry, rank) => (priceRank[entry.index] = rank / span));
  const medianPrice = priced.length > 0 ? priced[Math.floor(priced.length / 2)]!.price : undefined;
  return { recentRank, listRecencyRank, lastEngagedPosition, maxPopularity, medianPrice, priceRank };
}
