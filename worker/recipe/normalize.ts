/** Index of the first value >= `value` in an ascending array. */
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Rank-normalizes raw strategy values to (0, 1) within one list: the mid-rank percentile
 * `(below + ties / 2) / n`, so the lowest of n distinct values maps to 0.5/n, the highest to 1 - 0.5/n,
 * ties share a value, and a list where every value ties maps to 0.5 (the strategy then has no say).
 * Ranks rather than min-max because site signals such as popularity are heavy-tailed: one runaway
 * best-seller would otherwise squash every other item towards 0. Never exactly 0, so that a boost can
 * always lift an item. Missing values should be passed as `-Infinity`.
 */
export function rankNormalize(raw: Float64Array): Float64Array {
  const count = raw.length;
  const normalized = new Float64Array(count);
  if (count === 0) return normalized;
  // A typed-array sort compares numbers natively, far faster than sorting indices with a comparator.
  const sorted = Float64Array.from(raw).sort();
  // Common at cold start (no model, no popularity): everything ties, and the strategy has no say.
  if (sorted[0] === sorted[count - 1]) return normalized.fill(0.5);
  // The mid-rank of each run of ties, stored at every position of the run: one binary search per item then suffices.
  const midRank = new Float64Array(count);
  for (let start = 0; start < count;) {
    let end = start + 1;
    while (end < count && sorted[end] === sorted[start]) end++;
    const value = (start + (end - start) / 2) / count;
    // A plain loop: most runs are one long, and a builtin call per run costs more than the write.
    for (let k = start; k < end; k++) midRank[k] = value;
    start = end;
  }
  for (let i = 0; i < count; i++) normalized[i] = midRank[lowerBound(sorted, raw[i] as number)] as number;
  return normalized;
}
