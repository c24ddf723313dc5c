import type { InklingEvent, Item, Recipe } from '../common/types.js';
import {
  type Candidate,
  DEFAULT_RECIPE,
  type VisitorHistory,
  applyRecipe,
  buildHistory,
  historyAt,
  validateRecipe,
} from '../worker/recipe/index.js';
import { createProfile, foldEvent } from '../worker/state/profile.js';
import { mulberry32 } from './random.js';

/** What {@link benchRules} measured; times are medians in ms. */
export interface RulesBenchResult {
  readonly items: number;
  readonly events: number;
  readonly runs: number;
  /** `applyRecipe` with every rule on. */
  readonly withRulesMs: number;
  /** `applyRecipe` with the same strategies and no rules. */
  readonly withoutRulesMs: number;
  /** withRulesMs - withoutRulesMs: what the rules add (budget: at most 1 ms for 1,000 items). */
  readonly addedMs: number;
  /** `applyRecipe` with every rule on and `explain: false`: the same order without wording reasons. */
  readonly quietMs: number;
  /** `applyRecipe` with `DEFAULT_RECIPE` (personal + original, two exclusions). */
  readonly defaultMs: number;
  readonly ratio: number;
  /** `buildHistory` over all the events: the cost per ranking if the engine rebuilt it every time. */
  readonly historyMs: number;
  /**
   * `historyAt(profile, now)` with every event already folded, its taste read once (what a ranking with
   * `similar` pays; without it, the taste is never read): the cost per ranking of the engine's way.
   */
  readonly historyAtMs: number;
}

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const STRATEGIES = [
  { use: 'personal', weight: 0.6 },
  { use: 'trending', weight: 0.2 },
  { use: 'similar', weight: 0.2 },
];

function catalog(count: number, next: () => number): Candidate[] {
  const categories = Array.from({ length: 12 }, (_, i) => `category-${i}`);
  const words = [
    'trail',
    'runner',
    'wool',
    'sock',
    'pro',
    'lite',
    'max',
    'blue',
    'red',
    'black',
    'waterproof',
    'classic',
  ];
  return Array.from({ length: count }, (_, i): Candidate => {
    const item: Item = {
      id: `sku-${i}`,
      category: categories[Math.floor(next() * categories.length)] as string,
      tags: [words[i % words.length] as string, words[(i * 7) % words.length] as string],
      brand: `brand-${i % 20}`,
      price: Math.round(next() * 300),
      title: `${words[i % 12]} ${words[(i * 5) % 12]} ${words[(i * 3) % 12]} ${i % 40}`,
      popularity: Math.round(1000 * next() ** 3),
      publishedAt: NOW - Math.round(next() * 90 * DAY),
      inStock: next() > 0.05,
      ...(i % 10 === 0 ? { repurchase: '14d' } : {}),
    };
    return { item, originalIndex: i, personal: next() };
  });
}

function history(count: number, items: number, next: () => number): InklingEvent[] {
  const types = [
    'impression',
    'impression',
    'impression',
    'impression',
    'click',
    'view',
    'add_to_cart',
    'purchase',
    'dismiss',
  ] as const;
  return Array.from({ length: count }, (_, i): InklingEvent => {
    const id = Math.floor(next() * items);
    return {
      type: types[Math.floor(next() * types.length)] as InklingEvent['type'],
      itemId: `sku-${id}`,
      time: NOW - Math.round(next() * 20 * DAY),
      pageViewId: `pv-${i % 300}`,
      item: { category: `category-${id % 12}`, brand: `brand-${id % 20}` },
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Every rule on, in the shape a marketer would write. */
export const BENCH_RECIPE: unknown = {
  strategies: STRATEGIES,
  exclude: [
    { purchased: { within: '30d' } },
    { dismissed: true },
    { where: { inStock: false } },
    { where: { price: { min: 290 } } },
  ],
  cap: { impressionsWithoutClick: 3, within: '1d', mode: 'sink' },
  rotation: { rate: 0.3, within: '12h' },
  boost: [
    { where: { category: ['category-1', 'category-2'] }, by: 1.5 },
    { where: { brand: 'brand-3' }, by: 0.5 },
  ],
  diversity: { field: 'category', maxPerTop: { k: 20, max: 3 }, nearDuplicates: { k: 20, threshold: 0.8 } },
  pin: { 'sku-5': 0, 'sku-500': 3, 'sku-999': 10 },
  holdout: 0.05,
};

/**
 * Measures what rules add to ranking `items` candidates: `applyRecipe` with {@link BENCH_RECIPE} against the
 * same strategies without rules, interleaved in one run so that both see the same machine state.
 */
export function benchRules(
  options: { items?: number; events?: number; runs?: number; warmup?: number } = {},
): RulesBenchResult {
  const { items = 1_000, events = 2_000, runs = 200, warmup = 50 } = options;
  const next = mulberry32(42);
  const candidates = catalog(items, next);
  const log = history(events, items, next);
  const withRules: Recipe = validateRecipe(BENCH_RECIPE);
  const withoutRules: Recipe = validateRecipe({ strategies: STRATEGIES });
  const visitor: VisitorHistory = buildHistory(log, NOW);
  const profile = createProfile();
  for (const event of log) foldEvent(profile, event);
  // A draw above the holdout fraction, so that the rules really run.
  const rank = (recipe: Recipe, explain = true): number =>
    applyRecipe({ candidates, recipe, history: visitor, now: NOW, holdoutDraw: 0.5, explain }).items.length;
  const time = (run: () => unknown): number => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  for (let i = 0; i < warmup; i++) {
    rank(withRules);
    rank(withoutRules);
    rank(withRules, false);
    rank(DEFAULT_RECIPE);
    buildHistory(log, NOW);
    void historyAt(profile, NOW).taste.totalWeight;
  }
  const timesWith: number[] = [];
  const timesWithout: number[] = [];
  const timesHistory: number[] = [];
  const timesAt: number[] = [];
  const timesQuiet: number[] = [];
  const timesDefault: number[] = [];
  for (let i = 0; i < runs; i++) {
    timesWith.push(time(() => rank(withRules)));
    timesWithout.push(time(() => rank(withoutRules)));
    timesQuiet.push(time(() => rank(withRules, false)));
    timesDefault.push(time(() => rank(DEFAULT_RECIPE)));
    timesHistory.push(time(() => buildHistory(log, NOW)));
    timesAt.push(time(() => historyAt(profile, NOW).taste.totalWeight));
  }
  const withRulesMs = median(timesWith);
  const withoutRulesMs = median(timesWithout);
  return {
    items,
    events,
    runs,
    withRulesMs,
    withoutRulesMs,
    addedMs: withRulesMs - withoutRulesMs,
    ratio: withRulesMs / withoutRulesMs,
    quietMs: median(timesQuiet),
    defaultMs: median(timesDefault),
    historyMs: median(timesHistory),
    historyAtMs: median(timesAt),
  };
}

/** One line per figure, for `npm run bench`. */
export function formatRulesBench(result: RulesBenchResult): string {
  const ms = (value: number): string => `${value.toFixed(3)} ms`;
  const line = (label: string, value: number, note = ''): string => `  ${label.padEnd(24)}${ms(value)}${note}`;
  return [
    `rules: ${result.items} items, ${result.events} events, median of ${result.runs} runs`,
    line('with rules', result.withRulesMs),
    line('without rules', result.withoutRulesMs),
    line('rules add', result.addedMs, ` (ratio ${result.ratio.toFixed(2)}; budget: at most 1 ms added)`),
    line('rules, explain: false', result.quietMs, ' (same order, no reasons worded)'),
    line('DEFAULT_RECIPE', result.defaultMs),
    line('buildHistory', result.historyMs, ' (all events, from scratch)'),
    line('historyAt(now)', result.historyAtMs, ' (events already folded, taste read; per ranking)'),
  ].join('\n');
}
