import type { BoostRule, Item, Reason } from '../../../src/types.js';
import { describeFilter, formatNumber, ruleReason } from '../explain.js';
import { matchesFilter } from '../filter.js';

/**
 * The product of every matching rule's `by` (so two matching boosts compound), with one reason per
 * matching rule. Returns `undefined` when no rule matches.
 */
export function boostFactor(item: Item, boosts: readonly BoostRule[]): { factor: number; reasons: Reason[] } | undefined {
  let factor = 1;
  let reasons: Reason[] | undefined;
  for (const boost of boosts) {
    if (!matchesFilter(item, boost.where)) continue;
    factor *= boost.by;
    const verb = boost.by >= 1 ? 'boosted' : 'buried';
    (reasons ??= []).push(ruleReason('boost', `${verb} x${formatNumber(boost.by)}: ${describeFilter(boost.where)}`, boost.by));
  }
  return reasons === undefined ? undefined : { factor, reasons };
}
