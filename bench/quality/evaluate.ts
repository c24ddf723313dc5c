import { rankOf, summarize, type MetricSummary } from './metrics.js';
import type { QualityDataset, Ranker, Split } from './types.js';

/** How often a ranker put an item the visitor had already bought into the top `k`. */
export interface SuppressionCheck {
  readonly k: number;
  /** Lists that contained at least one item bought earlier by the visitor. */
  readonly lists: number;
  /** Of those, lists where such an item was ranked inside the top `k`. */
  readonly violations: number;
}

/** One ranker's figures on one dataset, per split and over all lists. */
export interface RankerResult {
  readonly ranker: string;
  readonly bySplit: Readonly<Record<Split | 'all', MetricSummary>>;
  readonly suppression: SuppressionCheck;
  readonly seconds: number;
}

/**
 * Replays every visitor through `ranker`: reset, then each step in order. A list is ranked before the
 * events it produced are observed, so the answer is never seen in advance.
 */
export async function evaluate(dataset: QualityDataset, ranker: Ranker): Promise<RankerResult> {
  const started = performance.now();
  const ranks: Record<Split, number[]> = { early: [], late: [] };
  const k = Math.max(...dataset.cutoffs);
  let suppressionLists = 0;
  let violations = 0;
  for (const visitor of dataset.visitors) {
    await ranker.reset?.();
    for (const s of visitor.steps) {
      if (s.kind === 'event') {
        await ranker.observe(s.event);
        continue;
      }
      const { task } = s;
      const order = await ranker.rank(task.items, task.context);
      const fallback = task.items.map((i) => i.id);
      ranks[task.split].push(rankOf(task.target, order, fallback));
      const bought = (task.purchasedBefore ?? []).filter((id) => fallback.includes(id));
      if (bought.length > 0) {
        suppressionLists++;
        // Only what the ranker returned is shown; an item it left out is suppressed even in a short list.
        if (bought.some((id) => order.slice(0, k).includes(id))) violations++;
      }
    }
  }
  await ranker.close?.();
  return {
    ranker: ranker.name,
    bySplit: {
      early: summarize(ranks.early, dataset.cutoffs),
      late: summarize(ranks.late, dataset.cutoffs),
      all: summarize([...ranks.early, ...ranks.late], dataset.cutoffs),
    },
    suppression: { k, lists: suppressionLists, violations },
    seconds: (performance.now() - started) / 1000,
  };
}
