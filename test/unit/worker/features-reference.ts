/**
 * A slow and obvious copy of `featurize` and `listStats` as the prior is learned on them, kept that way
 * on purpose: features-pinned.test.ts checks that the optimised implementation gives the same values.
 * Changed once on purpose (issue 19): `baseOrder` (site order, or popularity's order when the slot says
 * `order: 'none'`) replaced the four position columns, popularity and the list-relative price columns
 * count only when the order means nothing, every tag counts, and the neighbour columns were added.
 * Do not "fix" this file: if a feature must change, the prior must be relearned (`npm run bench:prior`).
 */
import type { Item, RankContext, SlotOrder } from '../../../common/types.js';
import type { Profile } from '../../../worker/state/profile.js';
import type { Decayed } from '../../../worker/state/taste.js';
import type { NeighbourIndex } from '../../../worker/site/neighbour-index.js';

/** worker/state/profile.ts's decay, frozen here too: two-week half-life. */
const DECAY_PER_MS = Math.LN2 / (14 * 24 * 3600 * 1000);
function decayedValue(entry: Decayed | undefined, now: number): number {
  if (!entry) return 0;
  return entry.value * Math.exp(-DECAY_PER_MS * Math.max(0, now - entry.time));
}
interface ListStats {
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
function listStats(items: readonly Item[], profile: Profile, positions?: readonly number[]): ListStats {
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

  const engaged = items
    .filter((item) => recentRank.has(item.id))
    .sort((a, b) => recentRank.get(a.id)! - recentRank.get(b.id)!);
  const listRecencyRank = new Map(engaged.map((item, k) => [item.id, k]));
  priced.sort((a, b) => a.price - b.price);
  const priceRank = new Float32Array(items.length);
  const span = Math.max(1, priced.length - 1);
  priced.forEach((entry, rank) => (priceRank[entry.index] = rank / span));
  const medianPrice = priced.length > 0 ? priced[Math.floor(priced.length / 2)]!.price : undefined;
  return { recentRank, listRecencyRank, lastEngagedPosition, maxPopularity, medianPrice, priceRank };
}
/** The number of features when the prior was learned. */
export const REFERENCE_FEATURE_COUNT = 35;

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Computes one row of `REFERENCE_FEATURE_COUNT` features per item into a single Float32Array (row-major). */
export function referenceFeaturize(
  items: readonly Item[],
  profile: Profile,
  context: RankContext,
  now: number,
  options: { positions?: readonly number[]; order?: SlotOrder; neighbours?: NeighbourIndex } = {},
): Float32Array {
  const ordered = options.order !== 'none';
  const positions = ordered ? options.positions : undefined;
  const rows = new Float32Array(items.length * REFERENCE_FEATURE_COUNT);
  const stats = listStats(items, profile, positions);
  const popularities = items.map((item) =>
    item.popularity !== undefined && item.popularity > 0 ? item.popularity : 0,
  );
  const near = referenceNeighbours(options.neighbours, profile.recent);
  const totals = {
    category: totalAffinity(profile.categories, now),
    tag: totalAffinity(profile.tags, now),
    brand: totalAffinity(profile.brands, now),
  };
  const usualLogPrice = profile.priceCount > 0 ? profile.priceLogSum / profile.priceCount : undefined;
  const recentKeys = recentAttributeKeys(profile);
  const when = new Date(context.time ?? now);
  const hour = when.getHours() + when.getMinutes() / 60;
  const weekday = when.getDay();
  const constant = [
    Math.sin((2 * Math.PI * hour) / 24),
    Math.cos((2 * Math.PI * hour) / 24),
    Math.sin((2 * Math.PI * weekday) / 7),
    Math.cos((2 * Math.PI * weekday) / 7),
    context.device === 'mobile' ? 1 : 0,
    context.device === 'tablet' ? 1 : 0,
    context.pageType === 'product' ? 1 : 0,
  ];

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const history = profile.items.get(item.id);
    const position = positions?.[i] ?? i;
    const sinceEngaged = history?.lastEngaged ? Math.max(0, now - history.lastEngaged) : Infinity;
    const recentRank = stats.recentRank.get(item.id);
    const listRank = stats.listRecencyRank.get(item.id);
    // Without a meaningful order: the place in popularity's order, ties sharing the best place.
    const popularPlace = popularities.filter((p) => p > popularities[i]!).length;
    const row = [
      ordered ? 1 / Math.log2(position + 2) : stats.maxPopularity > 0 ? 1 / Math.log2(popularPlace + 2) : 0,
      ordered && position === 0 ? 1 : 0,
      share(profile.categories.get(item.category ?? ''), totals.category, now),
      tagShare(item.tags, profile.tags, totals.tag, now),
      share(profile.brands.get(item.brand ?? ''), totals.brand, now),
      priceFit(item.price, usualLogPrice),
      squash(history?.views ?? 0),
      squash(history?.clicks ?? 0),
      squash(history?.carts ?? 0),
      (history?.purchases ?? 0) > 0 ? 1 : 0,
      squash(Math.max(0, (history?.impressions ?? 0) - 2 * (history?.clicks ?? 0))),
      (history?.dismissals ?? 0) > 0 ? 1 : 0,
      Math.exp(-sinceEngaged / DAY_MS),
      Math.exp(-sinceEngaged / HOUR_MS),
      Math.exp(-sinceEngaged / (5 * MINUTE_MS)),
      Math.exp(-sinceEngaged / MINUTE_MS),
      recentRank === 0 ? 1 : 0,
      recentRank === undefined ? 0 : 1 / (recentRank + 1),
      listRank === undefined ? 0 : 1 / (listRank + 1),
      // The listed item engaged with last is the likeliest choice when it was just now and not yet clicked.
      listRank === 0 ? Math.exp(-sinceEngaged / MINUTE_MS) : 0,
      listRank === 0 && (history?.clicks ?? 0) > 0 ? 1 : 0,
      ...(ordered ? neighbourhood(position, stats) : [0, 0]),
      similarity(item, recentKeys),
      near.ofRecent.get(item.id) ?? 0,
      near.ofLast.get(item.id) ?? 0,
      !ordered && item.price && stats.medianPrice ? Math.tanh(Math.log(item.price / stats.medianPrice)) : 0,
      ordered ? 0 : (stats.priceRank[i] ?? 0),
      ...constant,
    ];
    rows.set(row, i * REFERENCE_FEATURE_COUNT);
  }
  return rows;
}

/**
 * How close the item sits, in the site's order, to the listed item the visitor engaged with last:
 * people compare neighbours (and read on downwards) after looking at one item.
 */
function neighbourhood(position: number, stats: ListStats): [number, number] {
  const anchor = stats.lastEngagedPosition;
  if (anchor === undefined || position === anchor) return [0, 0];
  const distance = Math.abs(position - anchor);
  return [Math.exp(-(distance - 1) / 2), position > anchor ? Math.exp(-(distance - 1) / 3) : 0];
}

function totalAffinity(map: Map<string, Decayed>, now: number): number {
  let total = 0;
  for (const entry of map.values()) total += Math.max(0, decayedValue(entry, now));
  return total;
}

function share(entry: Decayed | undefined, total: number, now: number): number {
  if (!entry || total <= 0) return 0;
  return Math.max(-1, Math.min(1, decayedValue(entry, now) / total));
}

function tagShare(tags: readonly string[] | undefined, map: Map<string, Decayed>, total: number, now: number): number {
  if (!tags?.length) return 0;
  let sum = 0;
  for (const tag of tags) sum += share(map.get(tag), total, now);
  return Math.max(-1, Math.min(1, sum));
}

/** The neighbour columns, the obvious way: the 5 latest engaged items, the k-th weighing 1 / (k + 1). */
function referenceNeighbours(index: NeighbourIndex | undefined, recent: readonly string[]) {
  const ofRecent = new Map<string, number>();
  const ofLast = new Map<string, number>();
  if (!index) return { ofRecent, ofLast };
  const sources = recent.slice(-5).reverse();
  const total = sources.reduce((sum, _, k) => sum + 1 / (k + 1), 0);
  sources.forEach((source, k) => {
    const support = index.support.get(source);
    for (const [id, together] of index.neighbours.get(source) ?? []) {
      if (support === undefined) continue;
      const cosine = Math.min(1, together / Math.sqrt(support * (index.support.get(id) ?? together)));
      ofRecent.set(id, (ofRecent.get(id) ?? 0) + cosine / (k + 1) / total);
      if (k === 0) ofLast.set(id, Math.min(1, together / support));
    }
  });
  return { ofRecent, ofLast };
}

function priceFit(price: number | undefined, usualLogPrice: number | undefined): number {
  if (!price || price <= 0 || usualLogPrice === undefined) return 0;
  return Math.exp(-Math.abs(Math.log(price) - usualLogPrice));
}

/** Counts grow without bound; log1p keeps one heavy item from dominating. */
function squash(count: number): number {
  return Math.min(1.5, Math.log1p(count) / Math.log1p(10));
}

function recentAttributeKeys(profile: Profile): Set<string> {
  const keys = new Set<string>();
  for (const id of profile.recent.slice(-10)) {
    const snapshot = profile.items.get(id)?.snapshot;
    if (!snapshot) continue;
    if (snapshot.category) keys.add(`c:${snapshot.category}`);
    if (snapshot.brand) keys.add(`b:${snapshot.brand}`);
    for (const tag of snapshot.tags ?? []) keys.add(`t:${tag}`);
  }
  return keys;
}

function similarity(item: Item, recentKeys: Set<string>): number {
  if (recentKeys.size === 0) return 0;
  let total = 0;
  let shared = 0;
  const count = (key: string): void => {
    total += 1;
    if (recentKeys.has(key)) shared += 1;
  };
  if (item.category) count(`c:${item.category}`);
  if (item.brand) count(`b:${item.brand}`);
  for (const tag of item.tags ?? []) count(`t:${tag}`);
  return total === 0 ? 0 : shared / total;
}
