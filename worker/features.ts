import type { Item, RankContext } from '../src/types.js';
import { decayedValue, type Decayed, type Profile } from './profile.js';

/**
 * The model's inputs, in order. Each is scaled to roughly [0, 1] so that one prior serves every site.
 * `docs/model.md` explains each one.
 */
export const FEATURE_NAMES = [
  'positionPrior',
  'categoryAffinity',
  'tagAffinity',
  'brandAffinity',
  'priceFit',
  'itemViews',
  'itemClicks',
  'itemCarts',
  'itemPurchased',
  'ignoredImpressions',
  'itemDismissed',
  'popularity',
  'relativePrice',
  'engagementRecency',
  'similarToRecent',
  'hourSin',
  'hourCos',
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;

const DAY_MS = 24 * 3600 * 1000;

/** Computes one row of `FEATURE_COUNT` features per item into a single Float32Array (row-major). */
export function featurize(
  items: readonly Item[],
  profile: Profile,
  context: RankContext,
  now: number,
  /** Each item's position in the site's order; defaults to the array order. */
  positions?: readonly number[],
): Float32Array {
  const rows = new Float32Array(items.length * FEATURE_COUNT);
  const categoryTotal = totalAffinity(profile.categories, now);
  const tagTotal = totalAffinity(profile.tags, now);
  const brandTotal = totalAffinity(profile.brands, now);
  const usualLogPrice = profile.priceCount > 0 ? profile.priceLogSum / profile.priceCount : undefined;
  const medianPrice = median(items.map((item) => item.price).filter(isPositive));
  const maxPopularity = Math.max(0, ...items.map((item) => item.popularity ?? 0));
  const recentKeys = recentAttributeKeys(profile);
  const hour = new Date(context.time ?? now).getHours();

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const history = profile.items.get(item.id);
    const out = i * FEATURE_COUNT;
    rows[out] = 1 / Math.log2((positions?.[i] ?? i) + 2);
    rows[out + 1] = share(profile.categories.get(item.category ?? ''), categoryTotal, now);
    rows[out + 2] = tagShare(item.tags, profile.tags, tagTotal, now);
    rows[out + 3] = share(profile.brands.get(item.brand ?? ''), brandTotal, now);
    rows[out + 4] = priceFit(item.price, usualLogPrice);
    rows[out + 5] = squash(history?.views ?? 0);
    rows[out + 6] = squash(history?.clicks ?? 0);
    rows[out + 7] = squash(history?.carts ?? 0);
    rows[out + 8] = (history?.purchases ?? 0) > 0 ? 1 : 0;
    rows[out + 9] = squash(Math.max(0, (history?.impressions ?? 0) - 2 * (history?.clicks ?? 0)));
    rows[out + 10] = (history?.dismissals ?? 0) > 0 ? 1 : 0;
    rows[out + 11] = maxPopularity > 0 ? (item.popularity ?? 0) / maxPopularity : 0;
    rows[out + 12] = item.price && medianPrice ? Math.tanh(Math.log(item.price / medianPrice)) : 0;
    rows[out + 13] = history?.lastEngaged ? Math.exp(-(now - history.lastEngaged) / DAY_MS) : 0;
    rows[out + 14] = similarity(item, recentKeys);
    rows[out + 15] = Math.sin((2 * Math.PI * hour) / 24);
    rows[out + 16] = Math.cos((2 * Math.PI * hour) / 24);
  }
  return rows;
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
  let best = 0;
  for (const tag of tags) best = Math.max(best, share(map.get(tag), total, now));
  return best;
}

function priceFit(price: number | undefined, usualLogPrice: number | undefined): number {
  if (!price || price <= 0 || usualLogPrice === undefined) return 0;
  return Math.exp(-Math.abs(Math.log(price) - usualLogPrice));
}

/** Counts grow without bound; log1p keeps one heavy item from dominating. */
function squash(count: number): number {
  return Math.log1p(count) / Math.log1p(10);
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
  const keys = [
    ...(item.category ? [`c:${item.category}`] : []),
    ...(item.brand ? [`b:${item.brand}`] : []),
    ...(item.tags ?? []).map((tag) => `t:${tag}`),
  ];
  if (keys.length === 0) return 0;
  let shared = 0;
  for (const key of keys) if (recentKeys.has(key)) shared += 1;
  return shared / keys.length;
}

function isPositive(value: number | undefined): value is number {
  return value !== undefined && value > 0;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
