import type { NeighbourTable } from '../../../worker/site/neighbour-table.js';
import type { QualityDataset } from '../types.js';

/** A visit ends after this long without an engagement (the usual analytics session timeout). */
export const SESSION_GAP_MS = 30 * 60 * 1000;
/** Items per session that make pairs; a longer session's later items still count in `support`. */
const PAIR_ITEMS = 50;

/** How the bench builds a table: the contract's privacy floor and size. */
export interface NeighbourBuildOptions {
  readonly minCount: number;
  readonly k: number;
}

/** The bench's table settings: pairs seen in at least 2 sessions, 50 neighbours per item. */
export const BENCH_NEIGHBOURS: NeighbourBuildOptions = { minCount: 2, k: 50 };

/**
 * The neighbour table (contract format, the same one `inkling train` writes) from the dataset's
 * engagements strictly before `before`: each visitor's views, clicks, carts and purchases, cut into
 * sessions at 30-minute gaps; a session counts a pair once.
 */
export function buildNeighbourTable(
  dataset: QualityDataset,
  before: number,
  options = BENCH_NEIGHBOURS,
): NeighbourTable {
  const sessions: string[][] = [];
  for (const visitor of dataset.visitors) {
    let current = new Set<string>();
    let last = -Infinity;
    for (const s of visitor.steps) {
      if (s.kind !== 'event') continue;
      const { event } = s;
      if (event.time >= before || event.type === 'impression' || event.type === 'dismiss') continue;
      if (event.time - last > SESSION_GAP_MS && current.size > 0) {
        sessions.push([...current]);
        current = new Set();
      }
      current.add(event.itemId);
      last = event.time;
    }
    if (current.size > 0) sessions.push([...current]);
  }
  return tableFromSessions(sessions, options);
}

/** The table from sessions given as lists of distinct item ids. */
export function tableFromSessions(
  sessions: readonly (readonly string[])[],
  options: NeighbourBuildOptions,
): NeighbourTable {
  const support = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  for (const items of sessions) {
    for (const id of items) support.set(id, (support.get(id) ?? 0) + 1);
    const paired = items.slice(0, PAIR_ITEMS);
    for (let a = 0; a < paired.length; a++) {
      for (let b = 0; b < paired.length; b++) {
        if (a === b) continue;
        let row = pairs.get(paired[a]!);
        if (!row) pairs.set(paired[a]!, (row = new Map()));
        row.set(paired[b]!, (row.get(paired[b]!) ?? 0) + 1);
      }
    }
  }
  const neighbours: Record<string, [string, number][]> = {};
  const kept: Record<string, number> = {};
  for (const [id, row] of [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = [...row]
      .filter(([, count]) => count >= options.minCount)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, options.k);
    if (list.length === 0) continue;
    neighbours[id] = list;
    kept[id] = support.get(id)!;
    for (const [other] of list) kept[other] = support.get(other)!;
  }
  return {
    format: 'inkling-neighbours',
    version: 1,
    minCount: options.minCount,
    k: options.k,
    sessions: sessions.length,
    support: kept,
    neighbours,
  };
}
