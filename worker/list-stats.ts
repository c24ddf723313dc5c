import type { Item } from '../common/types.js';
import { sortIndices } from './sort-indices.js';
import type { ItemRecord } from './state/item-record.js';
import type { Profile } from './state/profile.js';

/**
 * Facts about a whole list that per-item features are measured against, computed once per ranking
 * in one pass over the items (plus a numeric sort of the prices): typed arrays indexed like `items`,
 * no per-item objects.
 */
export interface ListStats {
  /** Per item: what the visitor did with it (one map lookup per item, shared by every feature). */
  readonly histories: readonly (ItemRecord | undefined)[];
  /** Per item: 0 for the visitor's newest engagement, 1 for the one before, ...; -1 when not among them. */
  readonly recentRank: Int32Array;
  /** Per item: 0 for the most recent listed item the visitor engaged with, 1 for the one before, ...; -1 when none. */
  readonly listRecencyRank: Int32Array;
  /** Site position of the listed item the visitor engaged with most recently, if any. */
  readonly lastEngagedPosition: number | undefined;
  readonly maxPopularity: number;
  readonly medianPrice: number | undefined;
  /** Per item: 0 for the cheapest priced item up to 1 for the dearest; 0 when unpriced. */
  readonly priceRank: Float32Array;
}

/** Computes the list-level facts in O(n log n). */
export function listStats(items: readonly Item[], profile: Profile, positions?: readonly number[]): ListStats {
  const count = items.length;
  const recent = profile.recent;
  const rankOf = new Map<string, number>();
  for (let k = 0; k < recent.length; k++) rankOf.set(recent[recent.length - 1 - k]!, k);

  const histories = new Array<ItemRecord | undefined>(count);
  const recentRank = new Int32Array(count).fill(-1);
  const listRecencyRank = new Int32Array(count).fill(-1);
  // How many listed entries carry each recent rank (an id may be listed twice).
  const listedPerRank = new Int32Array(recent.length);
  const engaged: number[] = [];
  const prices = new Float64Array(count);
  const pricedAt = new Uint32Array(count);
  let priced = 0;
  let lastEngagedPosition: number | undefined;
  let best = Infinity;
  let maxPopularity = 0;
  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    histories[i] = profile.items.get(item.id);
    const rank = rankOf.get(item.id);
    if (rank !== undefined) {
      recentRank[i] = rank;
      listedPerRank[rank]! += 1;
      engaged.push(i);
      if (rank < best) {
        best = rank;
        lastEngagedPosition = positions?.[i] ?? i;
      }
    }
    maxPopularity = Math.max(maxPopularity, item.popularity ?? 0);
    const price = item.price;
    if (price !== undefined && price > 0) {
      pricedAt[priced] = i;
      prices[priced++] = price;
    }
  }

  // Listed engaged entries in recency order (a stable sort): an id's entries share one rank, the last
  // of its block, as a map from id to position in that order would hold.
  if (engaged.length > 0) {
    const lastInBlock = new Int32Array(recent.length);
    let before = 0;
    for (let k = 0; k < recent.length; k++) {
      before += listedPerRank[k]!;
      lastInBlock[k] = before - 1;
    }
    for (const i of engaged) listRecencyRank[i] = lastInBlock[recentRank[i]!]!;
  }

  const priceRank = new Float32Array(count);
  let medianPrice: number | undefined;
  if (priced > 0) {
    // Ascending, and among equal prices in list order, as a stable sort of the priced items ranks them.
    const order = sortIndices(
      Uint32Array.from({ length: priced }, (_, i) => i),
      (a, b) => prices[a]! - prices[b]!,
    );
    const span = Math.max(1, priced - 1);
    for (let rank = 0; rank < priced; rank++) priceRank[pricedAt[order[rank]!]!] = rank / span;
    medianPrice = prices[order[Math.floor(priced / 2)]!];
  }
  return { histories, recentRank, listRecencyRank, lastEngagedPosition, maxPopularity, medianPrice, priceRank };
}
