import type { Item, RankContext, SlotOrder } from '../common/types.js';
import { listStats } from './list-stats.js';
import type { Profile } from './state/profile.js';
import { decayedValue, type Decayed } from './state/taste.js';
import type { NeighbourIndex } from './site/neighbour-index.js';
import { neighbourScores, type NeighbourScores } from './site/neighbour-index.js';

/**
 * The model's inputs, in order. Each is scaled to roughly [0, 1] (a few to [-1, 1]) so that one prior
 * serves every site. `docs/model.md` explains each one and where its prior weight comes from.
 */
export const FEATURE_NAMES = [
  // The order the list arrives in: the site's, or popularity's when the slot says its order means nothing.
  'baseOrder',
  'firstPosition',
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
  // What the site's neighbour table says about the item and the visitor's latest items (0 without one).
  'neighbourOfRecent',
  'neighbourOfLast',
  // The item's price against the rest of the list (only when the slot's order means nothing: a site's
  // own order already says what the site knows about its items).
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

/** A feature's name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Number of features per item row. */
export const FEATURE_COUNT = FEATURE_NAMES.length;

const column = (name: FeatureName): number => FEATURE_NAMES.indexOf(name);
// Column offsets by name, resolved once: the per-item loop writes `rows[o + C_X]`, never a bare number.
const C_BASE_ORDER = column('baseOrder');
const C_FIRST_POSITION = column('firstPosition');
const C_CATEGORY = column('categoryAffinity');
const C_TAG = column('tagAffinity');
const C_BRAND = column('brandAffinity');
const C_PRICE_FIT = column('priceFit');
const C_VIEWS = column('itemViews');
const C_CLICKS = column('itemClicks');
const C_CARTS = column('itemCarts');
const C_PURCHASED = column('itemPurchased');
const C_IGNORED = column('ignoredImpressions');
const C_DISMISSED = column('itemDismissed');
const C_RECENCY_DAY = column('engagementRecency');
const C_RECENCY_HOUR = column('engagedThisHour');
const C_RECENCY_MINUTES = column('engagedMinutesAgo');
const C_RECENCY_MINUTE = column('engagedLastMinute');
const C_LAST_ENGAGED = column('lastEngaged');
const C_RECENCY_RANK = column('recencyRank');
const C_LIST_RECENCY_RANK = column('listRecencyRank');
const C_LIST_LAST_FRESH = column('listLastFresh');
const C_LIST_LAST_CLICKED = column('listLastClicked');
const C_NEAR_LAST = column('nearLastEngaged');
const C_AFTER_LAST = column('afterLastEngaged');
const C_SIMILAR = column('similarToRecent');
const C_NEIGHBOUR_RECENT = column('neighbourOfRecent');
const C_NEIGHBOUR_LAST = column('neighbourOfLast');
const C_RELATIVE_PRICE = column('relativePrice');
const C_PRICE_RANK = column('priceRank');
const C_HOUR_SIN = column('hourSin');
const C_HOUR_COS = column('hourCos');
const C_WEEKDAY_SIN = column('weekdaySin');
const C_WEEKDAY_COS = column('weekdayCos');
const C_MOBILE = column('deviceMobile');
const C_TABLET = column('deviceTablet');
const C_PRODUCT = column('pageProduct');

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const LOG1P_10 = Math.log1p(10);

/** What else a ranking knows besides the items, the profile and the context. */
export interface FeaturizeOptions {
  /** Each item's position in the site's order; defaults to the array order. */
  readonly positions?: readonly number[];
  /**
   * `site` (default): `baseOrder` is the item's place in the site's order, and nothing else about the
   * item alone (popularity, price against the list) is a feature: the site's order already says what the
   * site knows, so without evidence about the visitor the model keeps that order exactly. `none`: the
   * order carries no meaning, the position columns stay 0, `baseOrder` follows popularity and the price
   * columns are filled.
   */
  readonly order?: SlotOrder;
  /** The site's neighbour table, indexed; without one the neighbour columns stay 0. */
  readonly neighbours?: NeighbourIndex;
  /** The table's scores for this visitor, when the caller has them already (ranking reads them too). */
  readonly near?: NeighbourScores;
}

/**
 * Computes one row of `FEATURE_COUNT` features per item into a single Float32Array (row-major).
 *
 * This runs on every ranking (1,000 items in well under a millisecond is the aim), so it is written
 * for speed: what depends only on the visitor or the list is computed once (affinity shares per key,
 * recent attributes, list ranks, neighbour scores), the per-item loop writes straight into the array,
 * and items the visitor never touched skip the history columns (already 0).
 */
export function featurize(
  items: readonly Item[],
  profile: Profile,
  context: RankContext,
  now: number,
  options: FeaturizeOptions = {},
): Float32Array {
  const count = items.length;
  const rows = new Float32Array(count * FEATURE_COUNT);
  if (count === 0) return rows;
  const ordered = options.order !== 'none';
  const positions = ordered ? options.positions : undefined;
  const stats = listStats(items, profile, positions);
  const tables = tablesFor(count);
  const { histories, recentRank, listRecencyRank, priceRank, maxPopularity, medianPrice } = stats;
  // Distances in the site's order mean nothing when the order means nothing.
  const anchor = ordered ? stats.lastEngagedPosition : undefined;
  const popularityRank = ordered ? undefined : popularityRanks(items, maxPopularity);
  const categoryShares = shares(profile.categories, now);
  const tagShares = shares(profile.tags, now);
  const brandShares = shares(profile.brands, now);
  const usualPrice = profile.priceCount > 0 ? Math.exp(profile.priceLogSum / profile.priceCount) : undefined;
  const recent = recentAttributes(profile);
  const near = options.near ?? neighbourScores(options.neighbours, profile.recent);
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
    if (ordered) {
      const position = positions?.[i] ?? i;
      rows[o + C_BASE_ORDER] = discount(position, tables);
      if (position === 0) rows[o + C_FIRST_POSITION] = 1;
    } else if (popularityRank !== undefined) {
      rows[o + C_BASE_ORDER] = discount(popularityRank[i]!, tables);
    }
    if (categoryShares !== undefined) rows[o + C_CATEGORY] = categoryShares.get(item.category ?? '') ?? 0;
    const tags = item.tags;
    if (tagShares !== undefined && tags?.length) {
      // Every tag counts: the sum of their shares (each share is of all tags, so the sum stays <= 1).
      let sum = 0;
      for (const tag of tags) sum += tagShares.get(tag) ?? 0;
      rows[o + C_TAG] = Math.max(-1, Math.min(1, sum));
    }
    if (brandShares !== undefined) rows[o + C_BRAND] = brandShares.get(item.brand ?? '') ?? 0;
    const price = item.price;
    if (price && !(price <= 0) && usualPrice !== undefined) {
      // exp(-|log(price) - usualLogPrice|) without a log and an exp per item.
      const ratio = price / usualPrice;
      rows[o + C_PRICE_FIT] = ratio >= 1 ? 1 / ratio : ratio;
    }

    const history = histories[i];
    if (history !== undefined) {
      const clicks = history.clicks;
      rows[o + C_VIEWS] = squash(history.views);
      rows[o + C_CLICKS] = squash(clicks);
      rows[o + C_CARTS] = squash(history.carts);
      if (history.purchases > 0) rows[o + C_PURCHASED] = 1;
      rows[o + C_IGNORED] = squash(Math.max(0, history.impressions - 2 * clicks));
      if (history.dismissals > 0) rows[o + C_DISMISSED] = 1;
      if (history.lastEngaged) {
        const sinceEngaged = Math.max(0, now - history.lastEngaged);
        const lastMinute = Math.exp(-sinceEngaged / MINUTE_MS);
        rows[o + C_RECENCY_DAY] = Math.exp(-sinceEngaged / DAY_MS);
        rows[o + C_RECENCY_HOUR] = Math.exp(-sinceEngaged / HOUR_MS);
        rows[o + C_RECENCY_MINUTES] = Math.exp(-sinceEngaged / (5 * MINUTE_MS));
        rows[o + C_RECENCY_MINUTE] = lastMinute;
        if (listRecencyRank[i] === 0) rows[o + C_LIST_LAST_FRESH] = lastMinute;
      }
    }
    const recentK = recentRank[i]!;
    if (recentK >= 0) {
      if (recentK === 0) rows[o + C_LAST_ENGAGED] = 1;
      rows[o + C_RECENCY_RANK] = 1 / (recentK + 1);
    }
    const listK = listRecencyRank[i]!;
    if (listK >= 0) {
      rows[o + C_LIST_RECENCY_RANK] = 1 / (listK + 1);
      if (listK === 0 && (history?.clicks ?? 0) > 0) rows[o + C_LIST_LAST_CLICKED] = 1;
    }
    // How close the item sits, in the site's order, to the listed item the visitor engaged with last:
    // people compare neighbours (and read on downwards) after looking at one item.
    if (anchor !== undefined) {
      const position = positions?.[i] ?? i;
      if (position !== anchor) {
        const distance = Math.abs(position - anchor);
        const table = distance < tables.size && distance === Math.floor(distance);
        rows[o + C_NEAR_LAST] = table ? tables.near[distance]! : Math.exp(-(distance - 1) / 2);
        if (position > anchor) rows[o + C_AFTER_LAST] = table ? tables.after[distance]! : Math.exp(-(distance - 1) / 3);
      }
    }
    if (recent.size > 0) rows[o + C_SIMILAR] = similarity(item, recent);
    if (near.ofRecent.size > 0) {
      rows[o + C_NEIGHBOUR_RECENT] = near.ofRecent.get(item.id) ?? 0;
      rows[o + C_NEIGHBOUR_LAST] = near.ofLast.get(item.id) ?? 0;
    }
    if (!ordered) {
      if (price && medianPrice) rows[o + C_RELATIVE_PRICE] = tanhLog(price / medianPrice);
      rows[o + C_PRICE_RANK] = priceRank[i]!;
    }
    // Context: the same for every row.
    rows[o + C_HOUR_SIN] = hourSin;
    rows[o + C_HOUR_COS] = hourCos;
    rows[o + C_WEEKDAY_SIN] = weekdaySin;
    rows[o + C_WEEKDAY_COS] = weekdayCos;
    rows[o + C_MOBILE] = mobile;
    rows[o + C_TABLET] = tablet;
    rows[o + C_PRODUCT] = product;
  }
  return rows;
}

/** The DCG discount 1 / log2(k + 2) of a 0-based place k: how much a place in an order says. */
function discount(place: number, tables: Tables): number {
  const known = place >= 0 && place < tables.size && place === Math.floor(place);
  return known ? tables.positionPrior[place]! : 1 / Math.log2(Math.max(0, place) + 2);
}

/**
 * Each item's 0-based place when the list is sorted by popularity, most popular first, ties sharing
 * the best place; undefined when no item has a popularity (then no order is implied at all).
 */
function popularityRanks(items: readonly Item[], maxPopularity: number): Float64Array | undefined {
  if (!(maxPopularity > 0)) return undefined;
  const count = items.length;
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const popularity = items[i]!.popularity;
    values[i] = typeof popularity === 'number' && popularity > 0 ? popularity : 0;
  }
  const sorted = Float64Array.from(values).sort().reverse();
  const firstPlace = new Map<number, number>();
  for (let k = 0; k < count; k++) if (!firstPlace.has(sorted[k]!)) firstPlace.set(sorted[k]!, k);
  const ranks = new Float64Array(count);
  for (let i = 0; i < count; i++) ranks[i] = firstPlace.get(values[i]!)!;
  return ranks;
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
}

let cachedTables: Tables | undefined;

function tablesFor(count: number): Tables {
  if (cachedTables !== undefined && cachedTables.size >= count) return cachedTables;
  const size = Math.max(count, 1024, 2 * (cachedTables?.size ?? 0));
  const positionPrior = new Float64Array(size);
  const near = new Float64Array(size);
  const after = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    positionPrior[k] = 1 / Math.log2(k + 2);
    near[k] = Math.exp(-(k - 1) / 2);
    after[k] = Math.exp(-(k - 1) / 3);
  }
  cachedTables = { size, positionPrior, near, after };
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
