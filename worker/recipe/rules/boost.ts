import type { BoostRule, Item, Reason } from '../../../common/types.js';
import { describeFilter, formatNumber, ruleReason } from '../explain.js';
import { matchesFilter } from '../filter.js';

/** A boost rule with its explanation worded once per ranking rather than once per matching item. */
export interface CompiledBoost {
  readonly where: BoostRule['where'];
  readonly by: number;
  readonly reason: Reason;
}

/** Words each boost once. */
export function compileBoosts(boosts: readonly BoostRule[] | undefined): readonly CompiledBoost[] {
  return (boosts ?? []).map(({ where, by }) => ({
    where,
    by,
    reason: ruleReason('boost', `${by >= 1 ? 'boosted' : 'buried'} x${formatNumber(by)}: ${describeFilter(where)}`, by),
  }));
}

/**
 * The product of every matching rule's `by` (so two matching boosts compound), with one reason per
 * matching rule. Returns `undefined` when no rule matches.
 */
export function boostFactor(
  item: Item,
  boosts: readonly CompiledBoost[],
): { factor: number; reasons: Reason[] } | undefined {
  let factor = 1;
  let reasons: Reason[] | undefined;
  for (const boost of boosts) {
    if (!matchesFilter(item, boost.where)) continue;
    factor *= boost.by;
    (reasons ??= []).push(boost.reason);
  }
  return reasons === undefined ? undefined : { factor, reasons };
}
