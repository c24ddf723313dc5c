import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InklingEvent, Item } from '../../../common/types.js';
import { applyRecipe, buildHistory, validateRecipe } from '../../../worker/recipe/index.js';
import { recipeJsonArb } from './arbitraries.js';
import { NOW } from './helpers.js';

// Site data arrives from data- attributes and APIs: any field may hold the wrong type.
const junk = fc.oneof(
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string(), fc.double())),
  fc.object(),
);
const junkItemArb = fc
  .record(
    {
      id: fc.oneof(fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor'), fc.string(), fc.integer()),
      category: junk,
      tags: junk,
      brand: junk,
      price: junk,
      title: junk,
      popularity: junk,
      publishedAt: junk,
      inStock: junk,
      repurchase: junk,
      embedding: junk,
      attributes: junk,
    },
    { requiredKeys: ['id'] },
  )
  .map((item) => item as unknown as Item);

describe('applyRecipe with malformed items and events', () => {
  it('never throws, and still returns every candidate once with finite scores', () => {
    fc.assert(
      fc.property(
        fc.array(junkItemArb, { maxLength: 15 }),
        fc.array(fc.double()),
        fc.array(junk),
        recipeJsonArb,
        (items, personal, snapshots, json) => {
          const candidates = items.map((item, originalIndex) => ({
            item,
            originalIndex,
            personal: personal[originalIndex] ?? Number.NaN,
          }));
          const types = ['impression', 'purchase', 'dismiss', 'view', 'bogus'];
          const events = items.map((item, i) => ({
            type: types[i % types.length],
            itemId: item.id,
            time: i === 3 ? Number.NaN : NOW - i * 1000,
            pageViewId: snapshots[i],
            item: i < snapshots.length ? snapshots[i] : item,
          })) as unknown as InklingEvent[];
          const ranking = applyRecipe({
            candidates,
            recipe: validateRecipe(json),
            history: buildHistory(events, NOW),
            now: NOW,
            holdoutDraw: 0.5,
          });
          const all = [...ranking.items, ...ranking.removed];
          expect(all.map((r) => r.originalIndex).sort((a, b) => a - b)).toEqual(candidates.map((c) => c.originalIndex));
          for (const entry of all) {
            expect(Number.isFinite(entry.score)).toBe(true);
            for (const reason of entry.reasons) expect(typeof reason.text).toBe('string');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
