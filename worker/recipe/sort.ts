/**
 * Sorts entries (indexes) in place: best score first, ties by page order, then by entry, the same total
 * order as the comparator `scores[b] - scores[a] || pageOrder[a] - pageOrder[b] || a - b`. A merge sort
 * over typed arrays: `Array.prototype.sort` with a comparator closure costs several times more for
 * 1,000 entries, and ranking does this on every call.
 */
export function sortByScore(entries: number[], scores: Float64Array, pageOrder: Float64Array): void {
  const count = entries.length;
  if (count < 2) return;
  let from = Uint32Array.from(entries);
  let to = new Uint32Array(count);
  for (let width = 1; width < count; width *= 2) {
    for (let start = 0; start < count; start += 2 * width) {
      const middle = Math.min(start + width, count);
      const end = Math.min(start + 2 * width, count);
      let left = start;
      let right = middle;
      for (let k = start; k < end; k++) {
        if (right >= end) to[k] = from[left++]!;
        else if (left >= middle) to[k] = from[right++]!;
        else {
          const a = from[left]!;
          const b = from[right]!;
          const order = scores[b]! - scores[a]! || pageOrder[a]! - pageOrder[b]! || a - b;
          if (order <= 0) {
            to[k] = a;
            left++;
          } else {
            to[k] = b;
            right++;
          }
        }
      }
    }
    const swap = from;
    from = to;
    to = swap;
  }
  for (let i = 0; i < count; i++) entries[i] = from[i]!;
}
