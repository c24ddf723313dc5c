import { sortIndices } from '../sort-indices.js';

/**
 * Sorts entries (indexes) in place: best score first, ties by page order, then by entry, the same total
 * order as the comparator `scores[b] - scores[a] || pageOrder[a] - pageOrder[b] || a - b`.
 */
export function sortByScore(entries: number[], scores: Float64Array, pageOrder: Float64Array): void {
  if (entries.length < 2) return;
  const sorted = sortIndices(
    Uint32Array.from(entries),
    (a, b) => scores[b]! - scores[a]! || pageOrder[a]! - pageOrder[b]! || a - b,
  );
  for (let i = 0; i < entries.length; i++) entries[i] = sorted[i]!;
}
