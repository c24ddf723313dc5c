import type { Item, Ranking, RankedItem, Reason, Recipe, SlotOrder } from '../../common/types.js';
import { blend } from './blend.js';
import type { VisitorHistory } from '../state/history.js';
import { holdoutReason, pickGroup } from './holdout.js';
import { boostFactor, compileBoosts } from './rules/boost.js';
import { capReason, compileCap, compileRotation, rotationFactor } from './rules/cap.js';
import { arrange } from './rules/diversity.js';
import { compileExcludes, exclusionReason } from './rules/exclude.js';
import { type PinRequest, layoutPins } from './rules/pin.js';
import { sortByScore } from './sort.js';
import { scoreStrategy } from './strategies.js';

/** One item to rank, with its place on the page and the model's opinion of it. */
export interface Candidate<T extends Item = Item> {
  readonly item: T;
  /** Position in the page's original order; breaks ties, feeds `original` and the holdout. */
  readonly originalIndex: number;
  /** Model score in [0, 1]; 0.5 when there is no model. Non-finite values count as 0.5. */
  readonly personal: number;
  /** The model's own reasons ("you viewed 3 running shoes"), kept as `signal` reasons. */
  readonly personalReasons?: readonly Reason[];
  /** Co-engagement with the visitor's latest items in the site's neighbour table, in [0, 1]; absent without a table. */
  readonly neighbour?: number;
}

/** Everything one ranking needs; `applyRecipe` reads nothing else (no clock, no randomness). */
export interface ApplyInput<T extends Item = Item> {
  readonly candidates: readonly Candidate<T>[];
  /** A recipe that passed `validateRecipe`. */
  readonly recipe: Recipe;
  readonly history: VisitorHistory;
  readonly now: number;
  /** This device's stable draw in [0, 1) for the holdout. */
  readonly holdoutDraw: number;
  /** `none` when the slot's own order means nothing: the `original` strategy then has no say. */
  readonly order?: SlotOrder;
  /**
   * `false` skips wording the reasons (every `reasons` is empty), the costliest part of ranking 1,000 items.
   * The order is the same either way, so `explain()` can re-run the same input with `true`. Default `true`.
   */
  readonly explain?: boolean;
}

const NO_REASONS: readonly Reason[] = Object.freeze([]);

const SUNK = 1;
const REMOVED = 2;

/**
 * Ranks candidates with a recipe: blend the strategies, then the rules in their fixed order: exclude, cap
 * (and rotation), boost, diversity, pin; the holdout group keeps the page order minus exclusions.
 * Pure and synchronous: the same input always gives the same ranking.
 */
export function applyRecipe<T extends Item>(input: ApplyInput<T>): Ranking<T> {
  const { candidates, recipe, history, now } = input;
  const excludes = compileExcludes(recipe.exclude);
  const group = pickGroup(recipe.holdout, input.holdoutDraw);
  // One map lookup per item serves every rule.
  const records = candidates.map((c) => history.item(c.item.id));
  const excluded: (Reason | undefined)[] = candidates.map((c, i) => exclusionReason(c.item, records[i], excludes, now));
  if (group === 'holdout') return holdoutRanking(input, excluded);

  const blended = blend(candidates, recipe.strategies, history.taste, now, input.order);
  const scores = blended.scores.slice();
  const rules = new Array<Reason[] | undefined>(candidates.length).fill(undefined);
  const note = (entry: number, reason: Reason): void => {
    const list = rules[entry];
    if (list === undefined) rules[entry] = [reason];
    else list.push(reason);
  };
  const cap = compileCap(recipe.cap, now);
  const rotation = compileRotation(recipe.rotation);
  const boosts = compileBoosts(recipe.boost);
  // Per entry: KEPT, SUNK (capped in sink mode) or REMOVED (excluded, or capped in drop mode).
  const status = new Uint8Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const exclusion = excluded[i];
    if (exclusion !== undefined) {
      note(i, exclusion);
      status[i] = REMOVED;
      continue;
    }
    const item = (candidates[i] as Candidate<T>).item;
    const record = records[i];
    const capped = cap === undefined ? undefined : capReason(record, cap);
    if (capped !== undefined) {
      note(i, capped);
      if (cap?.mode === 'drop') {
        status[i] = REMOVED;
        continue;
      }
      status[i] = SUNK;
    }
    const rotated = rotation === undefined ? undefined : rotationFactor(record, rotation, now);
    if (rotated !== undefined) {
      scores[i] = (scores[i] as number) * rotated.factor;
      note(i, rotated.reason);
    }
    const boosted = boosts.length === 0 ? undefined : boostFactor(item, boosts);
    if (boosted !== undefined) {
      scores[i] = (scores[i] as number) * boosted.factor;
      for (const reason of boosted.reasons) note(i, reason);
    }
  }
  const removed: number[] = [];
  for (let i = 0; i < candidates.length; i++) if (status[i] === REMOVED) removed.push(i);
  const pins = layoutPins(pinRequests(candidates, recipe.pin, status), candidates.length - removed.length);
  for (const [entry, reason] of pins.reasons) note(entry, reason);
  const active: number[] = [];
  const sunk: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    // A pinned entry leaves both tiers: its pin wins over a sink.
    if (status[i] === REMOVED || pins.reasons.has(i)) continue;
    (status[i] === SUNK ? sunk : active).push(i);
  }
  // Best first; ties by page order, then by position in the input, so that the order is total.
  const pageOrder = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) pageOrder[i] = (candidates[i] as Candidate).originalIndex;
  sortByScore(active, scores, pageOrder);
  sortByScore(sunk, scores, pageOrder);
  const order = active.concat(sunk);
  const items = candidates.map((c) => c.item);
  const final = arrange({ items, order, sunkFrom: active.length, slots: pins.slots, rule: recipe.diversity, note });
  const explainEntry = (i: number): Reason[] => {
    const reasons = blended.reasons(i);
    const personalReasons = (candidates[i] as Candidate<T>).personalReasons;
    if (personalReasons !== undefined) reasons.push(...personalReasons);
    const ruleReasons = rules[i];
    if (ruleReasons !== undefined) reasons.push(...ruleReasons);
    return reasons;
  };
  const ranked = (i: number): RankedItem<T> => {
    const candidate = candidates[i] as Candidate<T>;
    const reasons = input.explain === false ? NO_REASONS : explainEntry(i);
    return { item: candidate.item, score: scores[i] as number, originalIndex: candidate.originalIndex, reasons };
  };
  const rankedItems = new Array<RankedItem<T>>(final.length);
  for (let p = 0; p < final.length; p++) rankedItems[p] = ranked(final[p] as number);
  return { items: rankedItems, group, removed: removed.sort(byPage(candidates)).map(ranked) };
}

function byPage(candidates: readonly Candidate[]): (a: number, b: number) => number {
  return (a, b) => (candidates[a] as Candidate).originalIndex - (candidates[b] as Candidate).originalIndex || a - b;
}

/** Pins for kept items; an id that appears twice pins its first occurrence in page order. */
function pinRequests(candidates: readonly Candidate[], pin: Recipe['pin'], status: Uint8Array): PinRequest[] {
  if (pin === undefined) return [];
  // A Map, because property lookups on a prototype-less dictionary object are slow per item.
  const positions = new Map(Object.entries(pin));
  if (positions.size === 0) return [];
  const first = new Map<string, PinRequest>();
  candidates.forEach((candidate, entry) => {
    const position = positions.get(candidate.item.id);
    // An excluded or dropped item stays out, pinned or not.
    if (position === undefined || status[entry] === REMOVED) return;
    const seen = first.get(candidate.item.id);
    if (seen !== undefined && seen.originalIndex <= candidate.originalIndex) return;
    first.set(candidate.item.id, { entry, position, originalIndex: candidate.originalIndex });
  });
  return [...first.values()];
}

/** The holdout: page order, exclusions still removed (they are promises to the visitor, not steering). */
function holdoutRanking<T extends Item>(input: ApplyInput<T>, excluded: readonly (Reason | undefined)[]): Ranking<T> {
  const { candidates } = input;
  const original = scoreStrategy('original', candidates, input.history.taste, input.now).normalized;
  const reason = holdoutReason(input.recipe.holdout ?? 0);
  const kept: RankedItem<T>[] = [];
  const removed: RankedItem<T>[] = [];
  const order = candidates.map((_, i) => i).sort(byPage(candidates));
  for (const i of order) {
    const candidate = candidates[i] as Candidate<T>;
    const exclusion = excluded[i];
    const reasons = input.explain === false ? NO_REASONS : exclusion === undefined ? [reason] : [reason, exclusion];
    const entry = {
      item: candidate.item,
      score: original[i] as number,
      originalIndex: candidate.originalIndex,
      reasons,
    };
    (exclusion === undefined ? kept : removed).push(entry);
  }
  return { items: kept, group: 'holdout', removed };
}
