import type { Item, RankContext } from '../src/types.js';
import { listStats, type ListStats } from './list-stats.js';
import { decayedValue, type Decayed, type Profile } from './profile.js';

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
  const stats = listStats(items, profile, positions);
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
    const row = [
      1 / Math.log2(position + 2),
      position === 0 ? 1 : 0,
      Math.min(position, POSITION_HORIZON) / POSITION_HORIZON,
      // The site's order counts for more when nothing in the list has been engaged with yet.
      stats.lastEngagedPosition === undefined ? 1 / Math.log2(position + 2) : 0,
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
      ...neighbourhood(position, stats),
      similarity(item, recentKeys),
      stats.maxPopularity > 0 ? (item.popularity ?? 0) / stats.maxPopularity : 0,
      stats.maxPopularity > 0 ? Math.log1p(item.popularity ?? 0) / Math.log1p(stats.maxPopularity) : 0,
      item.price && stats.medianPrice ? Math.tanh(Math.log(item.price / stats.medianPrice)) : 0,
      stats.priceRank[i] ?? 0,
      ...constant,
    ];
    rows.set(row, i * FEATURE_COUNT);
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
