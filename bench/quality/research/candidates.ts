/**
 * try-features' candidate features and their collection (moved here unchanged from try-features.ts so
 * that dump-features.ts can reuse them): each candidate is computed from the events the engine receives
 * (the same replay events, folded in order) and the listed items' attributes, and appended to the
 * engine's rows of the EARLY split's lists. The list-order candidates (sortPrice, ...) read trivago's
 * `current_filters`, which the SDK does not receive (see `LIST_ORDER_CANDIDATES`).
 */
import type { InklingEvent, Item } from '../../../common/types.js';
import { FEATURE_COUNT, featurize } from '../../../worker/features.js';
import { createProfile, foldEvent } from '../../../worker/state/profile.js';
import { withKnownSnapshot } from '../../../worker/state/visitor-state.js';
import type { QualityDataset } from '../types.js';
import type { FeatureList } from '../train/collect.js';
const MINUTE = 60_000;

/** Per item, what the candidates need beyond the engine's profile. */
interface Seen {
  lastClick: number;
  lastEngaged: number;
  lastImpression: number;
  lastIndex: number;
  /** Earlier lists in which the item was shown above the item then clicked. */
  skipped: number;
  /** Earlier lists (page views) in which the item was shown. */
  lists: number;
  lastPageView: string;
}

/** Facts of one list (prices, filters, the item clicked last) and of the visitor before it, computed once per list. */
interface ListFacts {
  readonly clicked: number;
  readonly minPriceAbove: Float64Array;
  /** The price of the item above each one (0 when unpriced or first). */
  readonly priceAbove: Float64Array;
  /** The list's raw filters (trivago `current_filters`), split. */
  readonly filters: ReadonlySet<string>;
  /** Kendall tau between position and price over the list's priced items (1: sorted cheapest first). */
  readonly priceTau: number;
  readonly logPriceMean: number;
  readonly logPriceStd: number;
  /** How many earlier lists the visitor was shown. */
  readonly earlierLists: number;
  /** Mean of log2(index + 2) over the visitor's earlier clicks that carried an index; NaN when none. */
  readonly clickDepth: number;
}

type Candidate = (item: Item, i: number, seen: Seen | undefined, facts: ListFacts, now: number) => number;

const near = (i: number, anchor: number): number =>
  anchor < 0 || i === anchor ? 0 : Math.exp(-(Math.abs(i - anchor) - 1) / 2);
const tanhLog = (x: number): number => (x * x - 1) / (x * x + 1);
const has = (f: ListFacts, ...names: string[]): number => (names.some((n) => f.filters.has(n)) ? 1 : 0);
const sortPrice = (f: ListFacts): number => has(f, 'Sort by Price');
const sortDistance = (f: ListFacts): number => has(f, 'Sort By Distance', 'Focus on Distance');
const sortRating = (f: ListFacts): number => has(f, 'Sort By Rating', 'Focus on Rating', 'Sort By Popularity');
const bestValue = (f: ListFacts): number => has(f, 'Best Value');
const userOrder = (f: ListFacts): number => Math.max(sortPrice(f), sortDistance(f), sortRating(f));
const narrowed = (f: ListFacts): number => ([...f.filters].some((n) => !/^(Sort|Focus|Best Value)/i.test(n)) ? 1 : 0);
const positionPrior = (i: number): number => 1 / Math.log2(i + 2);

/** The candidates, by name. Every one reads only events and item attributes (the list-order ones: trivago's current_filters too). */
export const CANDIDATES: Readonly<Record<string, Candidate>> = {
  secondsAgo: (_, __, s, ___, now) => (s && s.lastEngaged > 0 ? Math.exp(-(now - s.lastEngaged) / 10_000) : 0),
  clickAge: (_, __, s, ___, now) => (s && s.lastClick > 0 ? Math.exp(-(now - s.lastClick) / (10 * MINUTE)) : 0),
  nearClick: (_, i, __, f) => near(i, f.clicked),
  afterClick: (_, i, __, f) => (f.clicked >= 0 && i > f.clicked ? Math.exp(-(i - f.clicked - 1) / 3) : 0),
  impressedRecently: (_, __, s, ___, now) =>
    s && s.lastImpression > 0 ? Math.exp(-(now - s.lastImpression) / (30 * MINUTE)) : 0,
  indexMoved: (_, i, s) => (s && s.lastIndex >= 0 ? Math.tanh((s.lastIndex - i) / 5) : 0),
  cheapestSoFar: (item, i, __, f) => ((item.price ?? 0) > 0 && i > 0 && item.price! < f.minPriceAbove[i]! ? 1 : 0),
  priceVsCheapestAbove: (item, i, __, f) =>
    (item.price ?? 0) > 0 && f.minPriceAbove[i]! < Infinity ? tanhLog(item.price! / f.minPriceAbove[i]!) : 0,
  priceVsAbove: (item, i, __, f) =>
    (item.price ?? 0) > 0 && f.priceAbove[i]! > 0 ? tanhLog(item.price! / f.priceAbove[i]!) : 0,
  // The list's order as the visitor chose it (trivago current_filters), list-constant.
  sortPrice: (_, __, ___, f) => sortPrice(f),
  sortDistance: (_, __, ___, f) => sortDistance(f),
  sortRating: (_, __, ___, f) => sortRating(f),
  bestValue: (_, __, ___, f) => bestValue(f),
  userOrder: (_, __, ___, f) => userOrder(f),
  narrowed: (_, __, ___, f) => narrowed(f),
  // Interactions with position: a chosen order makes the first slots matter less.
  positionUserOrder: (_, i, __, f) => userOrder(f) * positionPrior(i),
  positionSortPrice: (_, i, __, f) => sortPrice(f) * positionPrior(i),
  positionNarrowed: (_, i, __, f) => narrowed(f) * positionPrior(i),
  positionDefaultOrder: (_, i, __, f) => (1 - userOrder(f)) * positionPrior(i),
  // Inferred from the items alone: how sorted by price the list is.
  priceTau: (_, __, ___, f) => f.priceTau,
  positionPriceSorted: (_, i, __, f) => (f.priceTau > 0.9 ? positionPrior(i) : 0),
  priceZ: (item, __, ___, f) =>
    (item.price ?? 0) > 0 && f.logPriceStd > 0
      ? Math.tanh((Math.log(item.price!) - f.logPriceMean) / f.logPriceStd / 2)
      : 0,
  // How the item was shown in the visitor's earlier lists.
  skipped: (_, __, s) => (s ? Math.min(1, s.skipped / 2) : 0),
  listsShown: (_, __, s) => (s ? Math.min(1.5, Math.log1p(s.lists) / Math.log1p(10)) : 0),
  newToVisitor: (_, __, s, f) => (f.earlierLists > 0 && !(s && s.lists > 0) ? 1 : 0),
  firstList: (_, __, ___, f) => (f.earlierLists === 0 ? 1 : 0),
  // How deep in a list the visitor usually clicks.
  clickDepth: (_, __, ___, f) => (Number.isNaN(f.clickDepth) ? 0 : Math.min(1, (f.clickDepth - 1) / 4)),
  depthFit: (_, i, __, f) => (Number.isNaN(f.clickDepth) ? 0 : Math.exp(-Math.abs(Math.log2(i + 2) - f.clickDepth))),
};

/** Per page view, the items impressed and their index, to mark the ones shown above the clicked item. */
type Shown = Map<string, Map<string, number>>;

function observe(seen: Map<string, Seen>, shown: Shown, event: InklingEvent): void {
  let s = seen.get(event.itemId);
  if (!s)
    seen.set(
      event.itemId,
      (s = { lastClick: 0, lastEngaged: 0, lastImpression: 0, lastIndex: -1, skipped: 0, lists: 0, lastPageView: '' }),
    );
  if (event.index !== undefined) s.lastIndex = event.index;
  const page = event.pageViewId ?? '';
  if (event.type === 'impression' && event.index !== undefined) {
    if (s.lastPageView !== page) [s.lists, s.lastPageView] = [s.lists + 1, page];
    let list = shown.get(page);
    if (!list) shown.set(page, (list = new Map()));
    list.set(event.itemId, event.index);
  }
  if (event.type === 'click' && event.index !== undefined) {
    for (const [id, index] of shown.get(page) ?? []) if (index < event.index) seen.get(id)!.skipped++;
  }
  if (event.type === 'impression') s.lastImpression = Math.max(s.lastImpression, event.time);
  else if (event.type !== 'dismiss') s.lastEngaged = Math.max(s.lastEngaged, event.time);
  if (event.type === 'click') s.lastClick = Math.max(s.lastClick, event.time);
}

/** The early split's lists of `dataset` with the engine's rows followed by the named candidates (width `FEATURE_COUNT + names.length`), oldest first. */
export function collectWithCandidates(dataset: QualityDataset, names: readonly string[]): FeatureList[] {
  const needsPriceTau = names.includes('priceTau') || names.includes('positionPriceSorted');
  const width = FEATURE_COUNT + names.length;
  const lists: FeatureList[] = [];
  for (const visitor of dataset.visitors) {
    const profile = createProfile();
    const seen = new Map<string, Seen>();
    const shown: Shown = new Map();
    let depthSum = 0;
    let depthCount = 0;
    for (const step of visitor.steps) {
      if (step.kind === 'event') {
        if (step.event.type === 'click' && step.event.index !== undefined)
          [depthSum, depthCount] = [depthSum + Math.log2(step.event.index + 2), depthCount + 1];
        foldEvent(profile, withKnownSnapshot(profile, step.event));
        observe(seen, shown, step.event);
        continue;
      }
      if (step.task.split !== 'early') continue;
      const { items, context, target, rawFilters } = step.task;
      const base = featurize(items, profile, context, context.time);
      const rows = new Float32Array(items.length * width);
      let clicked = -1;
      let best = 0;
      let min = Infinity;
      const minPriceAbove = new Float64Array(items.length);
      const priceAbove = new Float64Array(items.length);
      items.forEach((item, i) => {
        const click = seen.get(item.id)?.lastClick ?? 0;
        if (click > best) [best, clicked] = [click, i];
        minPriceAbove[i] = min;
        priceAbove[i] = i > 0 ? Math.max(0, items[i - 1]!.price ?? 0) : 0;
        if (item.price && item.price > 0) min = Math.min(min, item.price);
      });
      const priced = items.flatMap((item, i) => ((item.price ?? 0) > 0 ? [[i, Math.log(item.price!)] as const] : []));
      let agree = 0;
      let pairs = 0;
      // O(n²) over lists of hundreds (rees46, taobao): only for the candidates that read it.
      if (needsPriceTau)
        for (let a = 0; a < priced.length; a++)
          for (let b = a + 1; b < priced.length; b++) {
            pairs++;
            agree += Math.sign(priced[b]![1] - priced[a]![1]);
          }
      const logPriceMean = priced.reduce((t, p) => t + p[1], 0) / Math.max(1, priced.length);
      const logPriceStd = Math.sqrt(
        priced.reduce((t, p) => t + (p[1] - logPriceMean) ** 2, 0) / Math.max(1, priced.length),
      );
      const filters = new Set((rawFilters ?? '').split('|').filter(Boolean));
      const earlierLists = shown.size;
      const facts: ListFacts = {
        clicked,
        minPriceAbove,
        priceAbove,
        filters,
        priceTau: pairs ? agree / pairs : 0,
        logPriceMean,
        logPriceStd,
        earlierLists,
        clickDepth: depthCount ? depthSum / depthCount : NaN,
      };
      items.forEach((item, i) => {
        rows.set(base.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT), i * width);
        names.forEach(
          (name, k) =>
            (rows[i * width + FEATURE_COUNT + k] = CANDIDATES[name]!(item, i, seen.get(item.id), facts, context.time)),
        );
      });
      lists.push({
        rows,
        count: items.length,
        target: items.findIndex((item) => item.id === target),
        time: context.time,
      });
    }
  }
  return lists.sort((a, b) => a.time - b.time);
}

/** The candidates that read trivago's `current_filters` (the visitor's chosen sort and filters), which the SDK does not receive. */
export const LIST_ORDER_CANDIDATES: readonly string[] = [
  'sortPrice',
  'sortDistance',
  'sortRating',
  'bestValue',
  'userOrder',
  'narrowed',
  'positionUserOrder',
  'positionSortPrice',
  'positionNarrowed',
  'positionDefaultOrder',
];
