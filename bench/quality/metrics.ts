/**
 * Ranking metrics for one relevant item per list. `rank` is 1-based: 1 means the chosen item came first.
 */

/** Reciprocal rank: 1 / rank. */
export function reciprocalRank(rank: number): number {
  assertRank(rank);
  return 1 / rank;
}

/** Hit rate at k: 1 when the chosen item is in the top k, else 0. */
export function hitAt(rank: number, k: number): number {
  assertRank(rank);
  return rank <= k ? 1 : 0;
}

/** NDCG at k with a single relevant item: the ideal DCG is 1, so it is 1 / log2(rank + 1) inside the top k. */
export function ndcgAt(rank: number, k: number): number {
  assertRank(rank);
  return rank <= k ? 1 / Math.log2(rank + 1) : 0;
}

/** The 1-based position of `target` in `order`; ids missing from `order` rank after it, in `fallback` order. */
export function rankOf(target: string, order: readonly string[], fallback: readonly string[]): number {
  const at = order.indexOf(target);
  if (at >= 0) return at + 1;
  const listed = new Set(order);
  let rank = order.length;
  for (const id of fallback) {
    if (listed.has(id)) continue;
    rank++;
    if (id === target) return rank;
  }
  throw new Error(`target ${target} is not among the candidates`);
}

/** Mean figures over many ranked lists. */
export interface MetricSummary {
  readonly lists: number;
  readonly mrr: number;
  /** Standard error of the MRR over lists (sample standard deviation / sqrt(lists)). */
  readonly mrrSe: number;
  /** HR@k keyed by k. */
  readonly hr: Readonly<Record<number, number>>;
  /** Standard error of HR@k over lists, keyed by k. */
  readonly hrSe: Readonly<Record<number, number>>;
  /** NDCG@k keyed by k. */
  readonly ndcg: Readonly<Record<number, number>>;
}

/** Averages MRR, HR@k and NDCG@k over the given ranks (an empty list gives zeros and `lists: 0`). */
export function summarize(ranks: readonly number[], cutoffs: readonly number[]): MetricSummary {
  const n = ranks.length;
  const mean = (f: (r: number) => number): number => (n === 0 ? 0 : ranks.reduce((s, r) => s + f(r), 0) / n);
  const se = (f: (r: number) => number, m: number): number =>
    n < 2 ? 0 : Math.sqrt(ranks.reduce((s, r) => s + (f(r) - m) ** 2, 0) / (n - 1) / n);
  const hr: Record<number, number> = {};
  const hrSe: Record<number, number> = {};
  const ndcg: Record<number, number> = {};
  for (const k of cutoffs) {
    hr[k] = mean((r) => hitAt(r, k));
    hrSe[k] = se((r) => hitAt(r, k), hr[k]);
    ndcg[k] = mean((r) => ndcgAt(r, k));
  }
  const mrr = mean(reciprocalRank);
  return { lists: n, mrr, mrrSe: se(reciprocalRank, mrr), hr, hrSe, ndcg };
}

function assertRank(rank: number): void {
  if (!Number.isInteger(rank) || rank < 1) throw new Error(`rank must be a positive integer, got ${rank}`);
}
