import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByScore } from '../../../worker/recipe/sort.js';

describe('sortByScore', () => {
  it('gives the order of the comparator it replaces (best first, then page order, then entry)', () => {
    const score = fc.oneof(fc.constantFrom(0, 0.5, 1, 0.25), fc.double({ min: -2, max: 2, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(score, fc.integer({ min: 0, max: 20 })), { maxLength: 300 }),
        fc.array(fc.boolean(), { maxLength: 300 }),
        (rows, keep) => {
          const scores = Float64Array.from(rows, ([value]) => value);
          const pageOrder = Float64Array.from(rows, ([, page]) => page);
          const entries = rows.map((_, i) => i).filter((i) => keep[i] ?? true);
          const expected = [...entries].sort(
            (a, b) => scores[b]! - scores[a]! || pageOrder[a]! - pageOrder[b]! || a - b,
          );
          sortByScore(entries, scores, pageOrder);
          expect(entries).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
