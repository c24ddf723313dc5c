import type { Item } from './item.js';

/** One line of "why is this here": a strategy's contribution or a rule that moved the item. */
export interface Reason {
  readonly kind: 'strategy' | 'rule' | 'signal';
  /** e.g. `personal`, `boost`, `cap`, `pin`. */
  readonly source: string;
  /** Plain words, e.g. "you viewed 3 running shoes". */
  readonly text: string;
  /** The number behind the words, when there is one. */
  readonly value?: number;
}

/** An item in its personalized place. */
export interface RankedItem<T extends Item = Item> {
  readonly item: T;
  /** Final blended score after boosts (higher is better). */
  readonly score: number;
  /** Position in the page's original order. */
  readonly originalIndex: number;
  readonly reasons: readonly Reason[];
}

/** Which group this visitor is in for lift measurement. */
export type ExperimentGroup = 'personalized' | 'holdout';

/** The result of `rank()`. */
export interface Ranking<T extends Item = Item> {
  readonly items: readonly RankedItem<T>[];
  readonly group: ExperimentGroup;
  /** Items that rules removed (excluded or capped with `drop`), with the reasons. */
  readonly removed: readonly RankedItem<T>[];
  /** Set when the page's original order came back because personalization was off, held out or failed. */
  readonly fallback?: true;
}
