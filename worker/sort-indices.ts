/**
 * Orders indices stably by `compare`, as `Array.prototype.sort` would, with a bottom-up merge sort over
 * typed arrays: sorting a boxed array costs several times more for the 1,000 items a ranking sorts on
 * every call. `entries` is used as scratch space; read the order from the returned array.
 */
export function sortIndices(entries: Uint32Array, compare: (a: number, b: number) => number): Uint32Array {
  const count = entries.length;
  let from: Uint32Array = entries;
  let to: Uint32Array = new Uint32Array(count);
  for (let width = 1; width < count; width *= 2) {
    for (let start = 0; start < count; start += 2 * width) {
      const middle = Math.min(start + width, count);
      const end = Math.min(start + 2 * width, count);
      let left = start;
      let right = middle;
      for (let k = start; k < end; k++) {
        // `<= 0` takes from the left on ties: stable.
        if (left < middle && (right >= end || compare(from[left]!, from[right]!) <= 0)) to[k] = from[left++]!;
        else to[k] = from[right++]!;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
