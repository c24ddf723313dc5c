import type { InklingEvent, Item, RankContext, SlotOrder } from '../../common/types.js';

/** What a ranker is told when asked to order a list: the page context plus the slot and visitor. */
export interface RankTaskContext extends RankContext {
  /** The slot (GA4 `item_list_id`) the list is shown in. */
  readonly slot: string;
  /** Who is looking; rankers keep one visitor at a time and are `reset()` between visitors. */
  readonly visitorId: string;
  /** `none` when the protocol's order is random (the log has no site order); default `site`. */
  readonly order?: SlotOrder;
}

/**
 * Anything that can order a list from a visitor's past events: the baselines and the engine plug in
 * the same way. A ranker sees one visitor at a time, oldest event first, and is reset between visitors.
 */
export interface Ranker {
  readonly name: string;
  /** Folds one of the current visitor's events into the ranker's state. */
  observe(event: InklingEvent): void | Promise<void>;
  /** Returns the ids of `items` best first; ids it leaves out count as ranked after all the others. */
  rank(items: readonly Item[], context: RankTaskContext): readonly string[] | Promise<readonly string[]>;
  /** Forgets the previous visitor. */
  reset?(): void | Promise<void>;
  /** Releases resources at the end of a run. */
  close?(): void | Promise<void>;
}

/** Which part of the time-based split a ranked list belongs to. */
export type Split = 'early' | 'late';

/** One ranked list to score: the items in the site's order and the item the visitor actually chose. */
export interface RankTask {
  readonly context: RankTaskContext & { readonly time: number };
  /** Candidates in the site's (or the protocol's) original order. */
  readonly items: readonly Item[];
  /** The id the visitor chose; may be absent from `items` (counts as a miss, see `targetInList`). */
  readonly target: string;
  readonly split: Split;
  /** Items the visitor bought before this list, for the purchase-suppression check. */
  readonly purchasedBefore?: readonly string[];
  /**
   * The log's filters and sort for the list, `|`-separated (trivago's `current_filters`), read only by
   * try-features' list-order candidates: no ranker sees it (the SDK receives nothing like it).
   */
  readonly rawFilters?: string;
}

/** One step of a visitor's replay: an event to observe or a list to rank (before its own events are observed). */
export type ReplayStep =
  { readonly kind: 'event'; readonly event: InklingEvent } | { readonly kind: 'rank'; readonly task: RankTask };

/** A visitor's whole history, oldest first. */
export interface VisitorReplay {
  readonly visitorId: string;
  readonly steps: readonly ReplayStep[];
}

/** A loaded dataset, ready to replay. */
export interface QualityDataset {
  readonly name: string;
  /** One sentence naming the protocol and the candidate set, printed in the report. */
  readonly protocol: string;
  /** Where the time split falls (ms since epoch): lists at or after it are `late`. */
  readonly splitTime: number;
  readonly visitors: readonly VisitorReplay[];
  /** The cut-offs this dataset reports (e.g. `[1, 5]` for HR@1/HR@5, `[10]` for HR@10/NDCG@10). */
  readonly cutoffs: readonly number[];
}
