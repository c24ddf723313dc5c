import type { ExcludeRule, Item, ItemFilter, Reason } from '../../../common/types.js';
import { parseDuration, tryParseDuration } from '../duration.js';
import { describeFilter, formatSpan, ruleReason } from '../explain.js';
import type { ItemRecord } from '../../state/item-record.js';
import { matchesFilter } from '../filter.js';

/** An exclude rule with its window in ms (Infinity for "ever"). */
export type CompiledExclude =
  | { readonly kind: 'purchased'; readonly windowMs: number; readonly within?: string }
  | { readonly kind: 'dismissed'; readonly windowMs: number; readonly within?: string }
  | { readonly kind: 'where'; readonly filter: ItemFilter; readonly text: string };

/** Parses the windows once per ranking rather than once per item. */
export function compileExcludes(rules: readonly ExcludeRule[] | undefined): readonly CompiledExclude[] {
  if (rules === undefined) return [];
  return rules.map((rule): CompiledExclude => {
    if ('where' in rule) return { kind: 'where', filter: rule.where, text: describeFilter(rule.where) };
    const [kind, window] =
      'purchased' in rule ? (['purchased', rule.purchased] as const) : (['dismissed', rule.dismissed] as const);
    return window === true
      ? { kind, windowMs: Infinity }
      : { kind, windowMs: parseDuration(window.within), within: window.within };
  });
}

/**
 * Why an item must not be shown, or `undefined`. A purchase counts while `now - time < window`; the item's
 * own `repurchase` window, when valid, replaces the recipe's (shorter or longer).
 */
export function exclusionReason(
  item: Item,
  record: ItemRecord | undefined,
  rules: readonly CompiledExclude[],
  now: number,
): Reason | undefined {
  for (const rule of rules) {
    if (rule.kind === 'where') {
      if (matchesFilter(item, rule.filter)) return ruleReason('exclude', `excluded: ${rule.text}`);
      continue;
    }
    const time =
      record === undefined ? undefined : rule.kind === 'purchased' ? record.lastPurchase : record.dismissedAt;
    if (time === undefined) continue;
    const ago = Math.max(0, now - time);
    if (rule.kind === 'dismissed') {
      if (ago < rule.windowMs) return ruleReason('exclude', `excluded: you dismissed it ${formatSpan(ago)} ago`, ago);
      continue;
    }
    const repurchaseMs = tryParseDuration(item.repurchase);
    const windowMs = repurchaseMs ?? rule.windowMs;
    if (ago >= windowMs) continue;
    const until =
      repurchaseMs !== undefined
        ? ` (can be bought again after ${item.repurchase as string})`
        : rule.within
          ? ` (within ${rule.within})`
          : '';
    return ruleReason('exclude', `excluded: you bought it ${formatSpan(ago)} ago${until}`, ago);
  }
  return undefined;
}
