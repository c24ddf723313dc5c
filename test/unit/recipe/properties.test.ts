import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InklingEvent, Ranking, Recipe } from '../../../common/types.js';
import { type Candidate, applyRecipe, buildHistory, validateRecipe } from '../../../worker/recipe/index.js';
import { NEAR_DUPLICATE_LOOKAHEAD } from '../../../worker/recipe/rules/diversity.js';
import { catalogArb, eventArb, recipeJsonArb } from './arbitraries.js';
import { NOW } from './helpers.js';
import { oracleCapped, oracleExcluded, oracleField, oracleNearDuplicate } from './oracle.js';

interface Scenario {
  candidates: Candidate[];
  events: InklingEvent[];
  recipe: Recipe;
  draw: number;
}

// Uniform draws, plus a share below 0.2 so that recipes with a holdout often put the visitor in it.
const drawArb = fc
  .oneof(fc.noBias(fc.integer({ min: 0, max: 999 })), fc.noBias(fc.integer({ min: 0, max: 199 })))
  .map((n) => n / 1000);
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    catalog: catalogArb,
    events: fc.array(eventArb, { maxLength: 80, size: 'max' }),
    recipe: recipeJsonArb,
    draw: drawArb,
  })
  .map(({ catalog, events, recipe, draw }) => ({
    candidates: catalog.map(([item, personal], originalIndex) => ({ item, originalIndex, personal })),
    events,
    recipe: validateRecipe(JSON.parse(JSON.stringify(recipe))),
    draw,
  }));

function rank(s: Scenario, candidates = s.candidates, events = s.events): Ranking {
  return applyRecipe({
    candidates,
    recipe: s.recipe,
    history: buildHistory(events, NOW),
    now: NOW,
    holdoutDraw: s.draw,
  });
}

const hasRule = (entry: Ranking['items'][number], source: string): boolean =>
  entry.reasons.some((r) => r.kind === 'rule' && r.source === source);
const RUNS = { numRuns: 400 };

describe('applyRecipe properties', () => {
  it('returns a permutation of the input: every candidate exactly once, kept or removed', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ranking = rank(s);
        const seen = [...ranking.items, ...ranking.removed].map((r) => r.originalIndex).sort((a, b) => a - b);
        expect(seen).toEqual(s.candidates.map((c) => c.originalIndex));
        for (const entry of [...ranking.items, ...ranking.removed]) {
          expect(entry.item).toBe(s.candidates[entry.originalIndex]?.item);
          expect(Number.isFinite(entry.score)).toBe(true);
          expect(entry.reasons.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('never shows an excluded item, in either group, with or without history', () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), (s, coldStart) => {
        const events = coldStart ? [] : s.events;
        const ranking = rank(s, s.candidates, events);
        const excluded = new Set(
          s.candidates.filter((c) => oracleExcluded(c.item, s.recipe, events, NOW)).map((c) => c.originalIndex),
        );
        for (const entry of ranking.items) expect(excluded.has(entry.originalIndex)).toBe(false);
        const removed = new Set(ranking.removed.map((r) => r.originalIndex));
        for (const index of excluded) expect(removed.has(index)).toBe(true);
      }),
      RUNS,
    );
  });

  it('puts the holdout group in page order and everyone else personalized', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ranking = rank(s);
        const holdout = s.draw < (s.recipe.holdout ?? 0);
        expect(ranking.group).toBe(holdout ? 'holdout' : 'personalized');
        if (holdout) {
          const order = ranking.items.map((r) => r.originalIndex);
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(ranking.removed.every((r) => oracleExcluded(r.item, s.recipe, s.events, NOW))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('applies caps: dropped items are gone, sunk items sit below every uncapped unpinned item', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ranking = rank(s);
        if (ranking.group === 'holdout' || s.recipe.cap === undefined) return;
        const capped = (i: number): boolean => oracleCapped(ranking.items[i]!.item, s.recipe, s.events, NOW);
        if (s.recipe.cap.mode === 'drop') {
          ranking.items.forEach((_, i) => expect(capped(i)).toBe(false));
          return;
        }
        const unpinned = ranking.items
          .map((entry, i) => ({ i, pinned: hasRule(entry, 'pin') }))
          .filter((e) => !e.pinned);
        const firstSunk = unpinned.findIndex((e) => capped(e.i));
        if (firstSunk >= 0) for (const e of unpinned.slice(firstSunk)) expect(capped(e.i)).toBe(true);
      }),
      RUNS,
    );
  });

  it('puts pins at their positions when they do not conflict', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ranking = rank(s);
        const pin = s.recipe.pin;
        if (ranking.group === 'holdout' || pin === undefined) return;
        const firstKept = new Map<string, number>();
        ranking.items
          .map((entry, position) => ({ entry, position }))
          .sort((a, b) => a.entry.originalIndex - b.entry.originalIndex)
          .forEach(({ entry, position }) => {
            if (!firstKept.has(entry.item.id)) firstKept.set(entry.item.id, position);
          });
        const active = Object.keys(pin).filter((id) => firstKept.has(id));
        const wanted = active.map((id) => pin[id] as number);
        const conflictFree = new Set(wanted).size === wanted.length && wanted.every((p) => p < ranking.items.length);
        for (const id of active) {
          const position = firstKept.get(id) as number;
          expect(hasRule(ranking.items[position]!, 'pin')).toBe(true);
          if (conflictFree) expect(position).toBe(pin[id]);
        }
      }),
      RUNS,
    );
  });

  it('keeps diversity limits in the top K wherever another unpinned item could have, and says so where it could not', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ranking = rank(s);
        const rule = s.recipe.diversity;
        if (ranking.group === 'holdout' || rule === undefined) return;
        const items = ranking.items;
        const field = rule.field ?? 'category';
        const countK = Math.min(rule.maxPerTop?.k ?? 0, items.length);
        const max = rule.maxPerTop?.max ?? Infinity;
        const dupK = Math.min(rule.nearDuplicates?.k ?? 0, items.length);
        const threshold = rule.nearDuplicates?.threshold ?? 2;
        const pinned = items.map((entry) => hasRule(entry, 'pin'));
        const sunk = items.map((entry) => entry.reasons.some((r) => r.source === 'cap'));
        for (let p = 0; p < Math.max(countK, dupK); p++) {
          if (pinned[p]) continue;
          // The limits as they stood when position p was filled: earlier positions plus pins still ahead in the top K.
          const counts = new Map<string, number>();
          items.forEach((entry, q) => {
            const value = oracleField(entry.item, field);
            if (value !== undefined && q < countK && (q < p || pinned[q]))
              counts.set(value, (counts.get(value) ?? 0) + 1);
          });
          const countOk = (q: number): boolean => {
            const value = oracleField(items[q]!.item, field);
            return p >= countK || value === undefined || (counts.get(value) ?? 0) < max;
          };
          const dupOk = (q: number): boolean =>
            p >= dupK ||
            ((p === 0 || !oracleNearDuplicate(items[p - 1]!.item, items[q]!.item, threshold)) &&
              (p + 1 >= dupK || !pinned[p + 1] || !oracleNearDuplicate(items[q]!.item, items[p + 1]!.item, threshold)));
          const alternatives = items.map((_, q) => q).filter((q) => q > p && !pinned[q] && sunk[q] === sunk[p]);
          const relaxed = items[p]!.reasons.some((r) => r.source === 'diversity' && r.text.includes('limit relaxed'));
          expect(relaxed).toBe(!countOk(p) || !dupOk(p));
          if (!countOk(p)) expect(alternatives.filter(countOk)).toEqual([]);
          else if (!dupOk(p)) {
            // Only the next NEAR_DUPLICATE_LOOKAHEAD - 1 entries that fit the count limit, in score order, were tried.
            const tried = alternatives
              .filter(countOk)
              .sort((a, b) => items[b]!.score - items[a]!.score || items[a]!.originalIndex - items[b]!.originalIndex)
              .slice(0, NEAR_DUPLICATE_LOOKAHEAD - 1);
            expect(tried.filter(dupOk)).toEqual([]);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same order for the same inputs, whatever the order of events or candidates, with or without reasons', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        const first = rank(s);
        const again = rank(s);
        expect(again).toEqual(first);
        const shuffle = <T>(list: readonly T[]): T[] => {
          let state = seed >>> 0;
          const copy = [...list];
          for (let i = copy.length - 1; i > 0; i--) {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            const j = state % (i + 1);
            [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
          }
          return copy;
        };
        const quiet = applyRecipe({
          candidates: s.candidates,
          recipe: s.recipe,
          history: buildHistory(s.events, NOW),
          now: NOW,
          holdoutDraw: s.draw,
          explain: false,
        });
        expect(quiet.items.map((r) => [r.originalIndex, r.score])).toEqual(
          first.items.map((r) => [r.originalIndex, r.score]),
        );
        expect([...quiet.items, ...quiet.removed].every((r) => r.reasons.length === 0)).toBe(true);
        const shuffled = rank(s, shuffle(s.candidates), shuffle(s.events));
        expect(shuffled.items.map((r) => r.originalIndex)).toEqual(first.items.map((r) => r.originalIndex));
        expect(shuffled.removed.map((r) => r.originalIndex)).toEqual(first.removed.map((r) => r.originalIndex));
      }),
      RUNS,
    );
  });
});
