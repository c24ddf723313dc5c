import type { Item, RankContext } from '../common/types.js';
import { listStats } from './list-stats.js';
import { decayedValue, type Decayed, type Profile } from './state/profile.js';

/**
 * The model's inputs, in order. Each is scaled to roughly [0, 1] (a few to [-1, 1]) so that one prior
 * serves every site. `docs/model.md` explains each one and where its prior weight comes from.
 */
export const FEATURE_NAMES = [
  // Where the site put the item.
  'positionPrior',
  'firstPosition',
  'positionLinear',
  'positionNoHistory',
  // Decayed taste.
  'categoryAffinity',
  'tagAffinity',
  'brandAffinity',
  'priceFit',
  // What this visitor did with this item.
  'itemViews',
  'itemClicks',
  'itemCarts',
  'itemPurchased',
  'ignoredImpressions',
  'itemDismissed',
  'engagementRecency',
  'engagedThisHour',
  'engagedMinutesAgo',
  'engagedLastMinute',
  'lastEngaged',
  'recencyRank',
  'listRecencyRank',
  'listLastFresh',
  'listLastClicked',
  'nearLastEngaged',
  'afterLastEngaged',
  'similarToRecent',
  // The item against the rest of the list.
  'popularity',
  'popularityLog',
  'relativePrice',
  'priceRank',
  // Context: constant within a list, so they only matter through an MLP's interactions.
  'hourSin',
  'hourCos',
  'weekdaySin',
  'weekdayCos',
  'deviceMobile',
  'deviceTablet',
  'pageProduct',
] as const;

/** Number of features per item row. */
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** A feature's column, by name, for code that reads or writes rows. */
export const FEATURE_INDEX: Readonly<Record<(typeof FEATURE_NAMES)[number], number>> = Object.fromEntries(
  FEATURE_NAMES.map((name, i) => [name, i]),
) as Record<(typeof FEATURE_NAMES)[number], number>;

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Positions beyond this look alike: a long page's tail is rarely seen. */
const POSITION_HORIZON = 50;
const LOG1P_10 = Math.log1p(10);

/**
 * Computes one row of `FEATURE_COUNT` features per item into a single Float32Array (row-major).
 *
 * This runs on every ranking (1,000 items in well under a millisecond is the aim), so it is written
 * for speed: what depends only on the visitor or the list is computed once (affinity shares per key,
 * recent attributes, list ranks), the per-item loop writes straight into the array and allocates
 * nothing, and items the visitor never touched skip the history columns (already 0). The values are
 * pinned by test/unit/worker/features-pinned.test.ts against a frozen copy of the original code (the
 * prior was learned on them): equal within 1e-6, the two price features through exact identities
 * (exp(-|log p - log u|) = min(p/u, u/p), tanh(log x) = (x² - 1)/(x² + 1)) rather than log/exp/tanh.
 */
export function featurize(
  items: readonly Item[],
  profile: Profile,
  context: RankContext,
  now: number,
  /** Each item's position in the site's order; defaults to the array order. */
  positions?: readonly number[],
): Float32Array {
  const count = items.length;
  const rows = new Float32Array(count * FEATURE_COUNT);
  if (count === 0) return rows;
  const stats = listStats(items, profile, positions);
  const tables = tablesFor(count);
  const { histories, recentRank, listRecencyRank, priceRank, maxPopularity, medianPrice } = stats;
  const anchor = stats.lastEngagedPosition;
  const categoryShares = shares(profile.categories, now);
  const tagShares = shares(profile.tags, now);
  const brandShares = shares(profile.brands, now);
  const usualPrice = profile.priceCount > 0 ? Math.exp(profile.priceLogSum / profile.priceCount) : undefined;
  const recent = recentAttributes(profile);
  const logMaxPopularity = Math.log1p(maxPopularity);
  const when = new Date(context.time ?? now);
  const hour = when.getHours() + when.getMinutes() / 60;
  const weekday = when.getDay();
  const hourSin = Math.sin((2 * Math.PI * hour) / 24);
  const hourCos = Math.cos((2 * Math.PI * hour) / 24);
  const weekdaySin = Math.sin((2 * Math.PI * weekday) / 7);
  const weekdayCos = Math.cos((2 * Math.PI * weekday) / 7);
  const mobile = context.device === 'mobile' ? 1 : 0;
  const tablet = context.device === 'tablet' ? 1 : 0;
  const product = context.pageType === 'product' ? 1 : 0;

  for (let i = 0, o = 0; i < count; i++, o += FEATURE_COUNT) {
    const item = items[i]!;
    const position = positions?.[i] ?? i;
    const known = position >= 0 && position < tables.size && position === Math.floor(position);
    const positionPrior = known ? tables.positionPrior[position]! : 1 / Math.log2(position + 2);
    rows[o] = positionPrior;
    if (position === 0) rows[o + 1] = 1;
    rows[o + 2] = Math.min(position, POSITION_HORIZON) / POSITION_HORIZON;
    // The site's order counts for more when nothing in the list has been engaged with yet.
    if (anchor === undefined) rows[o + 3] = positionPrior;
    if (categoryShares !== undefined) rows[o + 4] = categoryShares.get(item.category ?? '') ?? 0;
    const tags = item.tags;
    if (tagShares !== undefined && tags?.length) {
      let best = 0;
      for (const tag of tags) best = Math.max(best, tagShares.get(tag) ?? 0);
      rows[o + 5] = best;
    }
    if (brandShares !== undefined) rows[o + 6] = brandShares.get(item.brand ?? '') ?? 0;
    const price = item.price;
    if (price && !(price <= 0) && usualPrice !== undefined) {
      // exp(-|log(price) - usualLogPrice|) without a log and an exp per item.
      const ratio = price / usualPrice;
      rows[o + 7] = ratio >= 1 ? 1 / ratio : ratio;
    }

    const history = histories[i];
    if (history !== undefined) {
      const clicks = history.clicks;
      rows[o + 8] = squash(history.views);
      rows[o + 9] = squash(clicks);
      rows[o + 10] = squash(history.carts);
      if (history.purchases > 0) rows[o + 11] = 1;
      rows[o + 12] = squash(Math.max(0, history.impressions - 2 * clicks));
      if (history.dismissals > 0) rows[o + 13] = 1;
      if (history.lastEngaged) {
        const sinceEngaged = Math.max(0, now - history.lastEngaged);
        const lastMinute = Math.exp(-sinceEngaged / MINUTE_MS);
        rows[o + 14] = Math.exp(-sinceEngaged / DAY_MS);
        rows[o + 15] = Math.exp(-sinceEngaged / HOUR_MS);
        rows[o + 16] = Math.exp(-sinceEngaged / (5 * MINUTE_MS));
        rows[o + 17] = lastMinute;
        // The listed item engaged with last is the likeliest choice when it was just now and not yet clicked.
        if (listRecencyRank[i] === 0) rows[o + 21] = lastMinute;
      }
    }
    const recentK = recentRank[i]!;
    if (recentK >= 0) {
      if (recentK === 0) rows[o + 18] = 1;
      rows[o + 19] = 1 / (recentK + 1);
    }
    const listK = listRecencyRank[i]!;
    if (listK >= 0) {
      rows[o + 20] = 1 / (listK + 1);
      if (listK === 0 && (history?.clicks ?? 0) > 0) rows[o + 22] = 1;
    }
    // How close the item sits, in the site's order, to the listed item the visitor engaged with last:
    // people compare neighbours (and read on downwards) after looking at one item.
    if (anchor !== undefined && position !== anchor) {
      const distance = Math.abs(position - anchor);
      const table = distance < tables.size && distance === Math.floor(distance);
      rows[o + 23] = table ? tables.near[distance]! : Math.exp(-(distance - 1) / 2);
      if (position > anchor) rows[o + 24] = table ? tables.after[distance]! : Math.exp(-(distance - 1) / 3);
    }
    if (recent.size > 0) rows[o + 25] = similarity(item, recent);
    if (maxPopularity > 0) {
      const popularity = item.popularity ?? 0;
      rows[o + 26] = popularity / maxPopularity;
      const counted = popularity >= 0 && popularity < tables.size && popularity === Math.floor(popularity);
      rows[o + 27] = (counted ? tables.log1p[popularity]! : Math.log1p(popularity)) / logMaxPopularity;
    }
    if (price && medianPrice) rows[o + 28] = tanhLog(price / medianPrice);
    rows[o + 29] = priceRank[i]!;
    // Context: the same for every row.
    rows[o + 30] = hourSin;
    rows[o + 31] = hourCos;
    rows[o + 32] = weekdaySin;
    rows[o + 33] = weekdayCos;
    rows[o + 34] = mobile;
    rows[o + 35] = tablet;
    rows[o + 36] = product;
  }
  return rows;
}

/**
 * Each key's decayed share of the total, clamped to [-1, 1], computed once per ranking (one `exp` per
 * key instead of one per item); undefined when there is nothing positive to share (every share is 0).
 */
function shares(map: Map<string, Decayed>, now: number): Map<string, number> | undefined {
  let total = 0;
  for (const entry of map.values()) total += Math.max(0, decayedValue(entry, now));
  if (total <= 0) return undefined;
  const out = new Map<string, number>();
  for (const [key, entry] of map) out.set(key, Math.max(-1, Math.min(1, decayedValue(entry, now) / total)));
  return out;
}

/** tanh(log(x)) = (x² - 1) / (x² + 1) for x > 0, without the log and the tanh; NaN for x < 0 as the log gives. */
function tanhLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -1 : NaN;
  const square = x * x;
  return square === Infinity ? 1 : (square - 1) / (square + 1);
}

/**
 * Per-integer values of functions the features apply to positions, distances and counts, computed once
 * for lists up to the longest seen so far (positions and distances are integers below the list length).
 */
interface Tables {
  readonly size: number;
  /** 1 / log2(k + 2): positionPrior. */
  readonly positionPrior: Float64Array;
  /** exp(-(k - 1) / 2) and exp(-(k - 1) / 3): nearLastEngaged and afterLastEngaged at distance k. */
  readonly near: Float64Array;
  readonly after: Float64Array;
  readonly log1p: Float64Array;
}

let cachedTables: Tables | undefined;

function tablesFor(count: number): Tables {
  if (cachedTables !== undefined && cachedTables.size >= count) return cachedTables;
  const size = Math.max(count, 1024, 2 * (cachedTables?.size ?? 0));
  const positionPrior = new Float64Array(size);
  const near = new Float64Array(size);
  const after = new Float64Array(size);
  const log1p = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    positionPrior[k] = 1 / Math.log2(k + 2);
    near[k] = Math.exp(-(k - 1) / 2);
    after[k] = Math.exp(-(k - 1) / 3);
    log1p[k] = Math.log1p(k);
  }
  cachedTables = { size, positionPrior, near, after, log1p };
  return cachedTables;
}

/** Counts grow without bound; log1p keeps one heavy item from dominating. */
function squash(count: number): number {
  return Math.min(1.5, Math.log1p(count) / LOG1P_10);
}

/** The attributes of the last 10 engaged items, one set per kind (no `kind:value` strings to build). */
interface RecentAttributes {
  readonly categories: Set<string>;
  readonly brands: Set<string>;
  readonly tags: Set<string>;
  readonly size: number;
}

function recentAttributes(profile: Profile): RecentAttributes {
  const categories = new Set<string>();
  const brands = new Set<string>();
  const tags = new Set<string>();
  for (const id of profile.recent.slice(-10)) {
    const snapshot = profile.items.get(id)?.snapshot;
    if (!snapshot) continue;
    if (snapshot.category) categories.add(snapshot.category);
    if (snapshot.brand) brands.add(snapshot.brand);
    for (const tag of snapshot.tags ?? []) tags.add(tag);
  }
  return { categories, brands, tags, size: categories.size + brands.size + tags.size };
}

/** The share of the item's attributes (category, brand, each tag) seen on recently engaged items. */
function similarity(item: Item, recent: RecentAttributes): number {
  let total = 0;
  let shared = 0;
  if (item.category) {
    total += 1;
    if (recent.categories.has(item.category)) shared += 1;
  }
  if (item.brand) {
    total += 1;
    if (recent.brands.has(item.brand)) shared += 1;
  }
  for (const tag of item.tags ?? []) {
    total += 1;
    if (recent.tags.has(tag)) shared += 1;
  }
  return total === 0 ? 0 : shared / total;
}
