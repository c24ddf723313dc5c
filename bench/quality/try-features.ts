/**
 * Candidate features tried on the EARLY split only, without touching worker/features.ts: each candidate
 * is computed here from the events the engine receives (the same replay events, folded in order) and the
 * listed items' attributes, appended to the engine's rows, and the MLP is fitted and validated exactly as
 * train-prior.ts does (first 80 % of the early lists train, last 20 % validate). Prints the validation MRR
 * per dataset and, for trivago, by what the visitor had engaged with in the list. The late split is never
 * read. The list-order candidates (sortPrice, ...) read trivago's `current_filters`, which the SDK does not
 * receive: they measure what a list-level context option (the visitor's chosen sort) would be worth before
 * anyone adds one. Usage (after `npx rollup -c bench/quality/rollup.config.mjs`):
 *   node bench/dist/quality/try-features.mjs                      the engine's features alone
 *   node bench/dist/quality/try-features.mjs secondsAgo,nearClick seed=8
 *   node bench/dist/quality/try-features.mjs skipped,clickDepth hidden=32 --trivago-only
 */
import type { InklingEvent, Item } from '../../src/types.js';
import { FEATURE_COUNT, FEATURE_INDEX, featurize } from '../../worker/features.js';
import { createProfile, foldEvent } from '../../worker/profile.js';
import type { FeatureList } from './train/collect.js';
import { fitListwise, meanReciprocalRank } from './train/fit.js';
import { earlySplit } from './train/early-split.js';
import { MLP } from './train/settings.js';
import type { QualityDataset } from './types.js';

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

const near = (i: number, anchor: number): number => (anchor < 0 || i === anchor ? 0 : Math.exp(-(Math.abs(i - anchor) - 1) / 2));
const tanhLog = (x: number): number => (x * x - 1) / (x * x + 1);
const has = (f: ListFacts, ...names: string[]): number => (names.some((n) => f.filters.has(n)) ? 1 : 0);
const sortPrice = (f: ListFacts): number => has(f, 'Sort by Price');
const sortDistance = (f: ListFacts): number => has(f, 'Sort By Distance', 'Focus on Distance');
const sortRating = (f: ListFacts): number => has(f, 'Sort By Rating', 'Focus on Rating', 'Sort By Popularity');
const bestValue = (f: ListFacts): number => has(f, 'Best Value');
const userOrder = (f: ListFacts): number => Math.max(sortPrice(f), sortDistance(f), sortRating(f));
const narrowed = (f: ListFacts): number => ([...f.filters].some((n) => !/^(Sort|Focus|Best Value)/i.test(n)) ? 1 : 0);
const positionPrior = (i: number): number => 1 / Math.log2(i + 2);

/** The candidates, by name. Every one reads only events and item attributes. */
const CANDIDATES: Readonly<Record<string, Candidate>> = {
  secondsAgo: (_, __, s, ___, now) => (s && s.lastEngaged > 0 ? Math.exp(-(now - s.lastEngaged) / 10_000) : 0),
  clickAge: (_, __, s, ___, now) => (s && s.lastClick > 0 ? Math.exp(-(now - s.lastClick) / (10 * MINUTE)) : 0),
  nearClick: (_, i, __, f) => near(i, f.clicked),
  afterClick: (_, i, __, f) => (f.clicked >= 0 && i > f.clicked ? Math.exp(-(i - f.clicked - 1) / 3) : 0),
  impressedRecently: (_, __, s, ___, now) => (s && s.lastImpression > 0 ? Math.exp(-(now - s.lastImpression) / (30 * MINUTE)) : 0),
  indexMoved: (_, i, s) => (s && s.lastIndex >= 0 ? Math.tanh((s.lastIndex - i) / 5) : 0),
  cheapestSoFar: (item, i, __, f) => ((item.price ?? 0) > 0 && i > 0 && item.price! < f.minPriceAbove[i]! ? 1 : 0),
  priceVsCheapestAbove: (item, i, __, f) => ((item.price ?? 0) > 0 && f.minPriceAbove[i]! < Infinity ? tanhLog(item.price! / f.minPriceAbove[i]!) : 0),
  priceVsAbove: (item, i, __, f) => ((item.price ?? 0) > 0 && f.priceAbove[i]! > 0 ? tanhLog(item.price! / f.priceAbove[i]!) : 0),
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
  priceZ: (item, __, ___, f) => ((item.price ?? 0) > 0 && f.logPriceStd > 0 ? Math.tanh((Math.log(item.price!) - f.logPriceMean) / f.logPriceStd / 2) : 0),
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
  if (!s) seen.set(event.itemId, (s = { lastClick: 0, lastEngaged: 0, lastImpression: 0, lastIndex: -1, skipped: 0, lists: 0, lastPageView: '' }));
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

function collect(dataset: QualityDataset, names: readonly string[]): FeatureList[] {
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
        if (step.event.type === 'click' && step.event.index !== undefined) [depthSum, depthCount] = [depthSum + Math.log2(step.event.index + 2), depthCount + 1];
        foldEvent(profile, step.event);
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
      const logPriceStd = Math.sqrt(priced.reduce((t, p) => t + (p[1] - logPriceMean) ** 2, 0) / Math.max(1, priced.length));
      const filters = new Set((rawFilters ?? '').split('|').filter(Boolean));
      const earlierLists = shown.size;
      const facts: ListFacts = { clicked, minPriceAbove, priceAbove, filters, priceTau: pairs ? agree / pairs : 0, logPriceMean, logPriceStd, earlierLists, clickDepth: depthCount ? depthSum / depthCount : NaN };
      items.forEach((item, i) => {
        rows.set(base.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT), i * width);
        names.forEach((name, k) => (rows[i * width + FEATURE_COUNT + k] = CANDIDATES[name]!(item, i, seen.get(item.id), facts, context.time)));
      });
      lists.push({ rows, count: items.length, target: items.findIndex((item) => item.id === target), time: context.time });
    }
  }
  return lists.sort((a, b) => a.time - b.time);
}

const args = process.argv.slice(2);
const names = (args.find((a) => !a.includes('=') && !a.startsWith('--')) ?? '').split(',').filter(Boolean);
for (const name of names) if (!(name in CANDIDATES)) throw new Error(`unknown candidate ${name}; known: ${Object.keys(CANDIDATES).join(', ')}`);
// --trivago-only: fit and validate on trivago alone, as train-prior.ts --trivago-only does.
const trivagoOnly = args.includes('--trivago-only');
const settings = Object.fromEntries(args.filter((a) => a.includes('=')).map((a) => [a.split('=')[0]!, Number(a.split('=')[1])]));
const width = FEATURE_COUNT + names.length;
const { train, calibration, validation, perDataset, frozen } = earlySplit((dataset) => collect(dataset, names), { trivagoOnly });
const result = fitListwise(train, validation, width, { ...MLP, ...settings, frozen }, calibration);
const parts = perDataset.map(({ name, validation: lists }) => `${name.split('-')[0]} ${meanReciprocalRank(result.model, lists).toFixed(4)}`);
console.log(`[${names.join(',') || 'engine features only'}] ${JSON.stringify(settings)}: validation MRR ${result.validationMrr.toFixed(4)} at epoch ${result.bestEpoch}; ${parts.join(', ')}`);

// Trivago's validation lists by what the visitor had engaged with in the list, against the display order.
const groups = new Map<string, { n: number; model: number; display: number }>();
for (const list of perDataset[0]!.validation) {
  const f = (i: number, name: keyof typeof FEATURE_INDEX): number => list.rows[i * width + FEATURE_INDEX[name]]!;
  let last = -1;
  for (let i = 0; i < list.count; i++) if (f(i, 'listRecencyRank') === 1) last = i;
  const target = list.target;
  const key = last < 0 ? 'no history' : `${f(last, 'listLastClicked') === 1 ? 'last clicked' : 'last viewed'}, ${last === target ? 'target = it' : f(target, 'listRecencyRank') > 0 ? 'target engaged earlier' : 'target new'}`;
  const g = groups.get(key) ?? { n: 0, model: 0, display: 0 };
  g.n++;
  g.model += meanReciprocalRank(result.model, [list]);
  g.display += 1 / (target + 1);
  groups.set(key, g);
}
for (const [key, g] of [...groups].sort()) console.log(`  ${key.padEnd(36)} ${String(g.n).padStart(5)} lists: model ${(g.model / g.n).toFixed(3)}, display ${(g.display / g.n).toFixed(3)}`);

