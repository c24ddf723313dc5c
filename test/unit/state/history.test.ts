import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InklingEvent } from '../../../common/types.js';
import { buildHistory, historyAt, type VisitorHistory } from '../../../worker/recipe/index.js';
import { takeCheckpoint, restoreCheckpoint } from '../../../worker/state/checkpoint.js';
import { foldEvent } from '../../../worker/state/profile.js';
import { emptyState, foldEvents, type VisitorState } from '../../../worker/state/visitor-state.js';
import { eventArb, idArb } from '../recipe/arbitraries.js';
import { DAY, HOUR, MINUTE, NOW, event, historyOf } from '../recipe/helpers.js';

describe('buildHistory', () => {
  it('answers last purchase, dismissal, engagement and showing per item', () => {
    const history = historyOf([
      event('purchase', 'a', 3 * DAY),
      event('purchase', 'a', 1 * DAY),
      event('dismiss', 'b', 2 * HOUR),
      event('click', 'c', 5 * MINUTE),
      event('impression', 'c', 10 * MINUTE),
      event('impression', 'c', 2 * MINUTE),
    ]);
    expect(history.builtAt).toBe(NOW);
    expect(history.lastPurchase('a')).toBe(NOW - DAY);
    expect(history.lastPurchase('b')).toBeUndefined();
    expect(history.dismissedAt('b')).toBe(NOW - 2 * HOUR);
    expect(history.lastEngaged('a')).toBe(NOW - DAY);
    expect(history.lastEngaged('c')).toBe(NOW - 5 * MINUTE);
    expect(history.lastShown('c')).toBe(NOW - 2 * MINUTE);
    expect(history.lastShown('zzz')).toBeUndefined();
  });

  it('counts impressions after the last click and after `since`, once per page view', () => {
    const history = historyOf([
      event('impression', 'x', 50 * MINUTE, { pageViewId: 'p1' }),
      event('click', 'x', 40 * MINUTE),
      event('impression', 'x', 30 * MINUTE, { pageViewId: 'p2', itemListId: 'rail' }),
      event('impression', 'x', 30 * MINUTE, { pageViewId: 'p2', itemListId: 'grid' }),
      event('impression', 'x', 20 * MINUTE, { pageViewId: 'p3' }),
      event('impression', 'x', 10 * MINUTE),
    ]);
    expect(history.impressionsWithoutClick('x', 0)).toBe(3);
    expect(history.impressionsWithoutClick('x', NOW - 25 * MINUTE)).toBe(2);
    expect(history.impressionsWithoutClick('x', NOW)).toBe(0);
    expect(history.impressionsWithoutClick('y', 0)).toBe(0);
  });

  it('does not depend on event order', () => {
    const events = [
      event('impression', 'x', 5 * MINUTE, { pageViewId: 'p1' }),
      event('impression', 'x', 3 * MINUTE, { pageViewId: 'p2' }),
      event('view', 'x', 4 * MINUTE),
    ];
    const a = historyOf(events);
    const b = historyOf([...events].reverse());
    expect(a.impressionsWithoutClick('x', 0)).toBe(1);
    expect(b.impressionsWithoutClick('x', 0)).toBe(1);
    expect(b.lastShown('x')).toBe(a.lastShown('x'));
  });

  it('summarises taste with decay, from event snapshots', () => {
    const shoes = { category: 'running shoes', tags: ['trail'], brand: 'acme' };
    const history = historyOf([
      event('view', 's1', 0, { item: shoes }),
      event('view', 's2', 14 * DAY, { item: shoes }),
      event('purchase', 's3', 0, { item: shoes }),
      event('view', 'old', 42 * DAY, { item: { category: 'hats' } }),
      event('impression', 's4', 0, { item: shoes }),
    ]);
    const { taste } = history;
    // view now (1) + view a half-life ago (0.5) + purchase now (4), + the hat three half-lives ago (1/8)
    expect(taste.totalWeight).toBeCloseTo(5.625);
    expect(taste.categories.get('running shoes')?.weight).toBeCloseTo(5.5);
    expect(taste.categories.get('running shoes')?.items.get('view')).toBe(2);
    expect(taste.categories.get('running shoes')?.items.get('purchase')).toBe(1);
    expect(taste.categories.get('hats')?.weight).toBeCloseTo(0.125);
    expect(taste.tags.get('trail')).toBeCloseTo(5.5);
    expect(taste.brands.get('acme')).toBeCloseTo(5.5);
    expect(taste.items.get('s3')).toBeCloseTo(4);
    expect(taste.items.has('s4')).toBe(false);
  });

  it('ignores events with unusable times', () => {
    const history = buildHistory([{ type: 'purchase', itemId: 'a', time: Number.NaN }], NOW);
    expect(history.lastPurchase('a')).toBeUndefined();
  });
});

/** `history` answers about `id` as a history built from all of `events` at once. */
function expectAnswersOfAll(history: VisitorHistory, events: readonly InklingEvent[], id: string): void {
  const whole = buildHistory(events, NOW);
  expect(history.item(id)).toEqual(whole.item(id));
  expect(history.impressionsWithoutClick(id, NOW - HOUR)).toBe(whole.impressionsWithoutClick(id, NOW - HOUR));
  expect({ ...history.taste }).toEqual({ ...whole.taste });
}

/** Every event folded, as `buildHistory` folds them (no purchase deduplication). */
function foldAll(state: VisitorState, events: readonly InklingEvent[]): void {
  for (const event of events) foldEvent(state.profile, event);
}

describe('the profile as the rules read it', () => {
  it('answers like buildHistory when events arrive in batches', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        idArb,
        (events, batches, id) => {
          const state = emptyState();
          const size = Math.ceil(events.length / batches);
          for (let i = 0; i < events.length; i += size) {
            foldAll(state, events.slice(i, i + size));
            void historyAt(state.profile, NOW).taste.totalWeight; // an earlier ranking in between must not freeze anything
          }
          expectAnswersOfAll(historyAt(state.profile, NOW), events, id);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('goes on from a checkpoint as if it had seen every event', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.nat(), idArb, (events, cut, id) => {
        const split = events.length === 0 ? 0 : cut % events.length;
        const before = emptyState();
        foldAll(before, events.slice(0, split));
        // Every page view still open (a checkpoint taken before all of them): nothing is summarised away.
        const resumed = restoreCheckpoint(takeCheckpoint(before, -Infinity))!;
        foldAll(resumed, events.slice(split));
        expectAnswersOfAll(historyAt(resumed.profile, NOW), events, id);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps closed page views in a checkpoint as impression times', () => {
    const state = emptyState();
    foldEvents(state, [
      event('impression', 'a', 3 * DAY, { pageViewId: 'old' }),
      event('impression', 'a', 2 * HOUR, { pageViewId: 'open' }),
      event('impression', 'a', 2 * HOUR - 1, { pageViewId: 'open' }),
      event('click', 'b', 40 * DAY),
      event('click', 'b', 1 * DAY),
    ]);
    const saved = JSON.parse(takeCheckpoint(state, NOW)).profile.items;
    expect(saved.shown).toEqual([NOW - 3 * DAY]);
    expect(saved.openPageViews).toEqual([[0, [['open', NOW - 2 * HOUR]]]]);
    const resumed = restoreCheckpoint(takeCheckpoint(state, NOW))!;
    // The open page view is still recognised: its item is shown once more only in another page view.
    foldEvents(resumed, [event('impression', 'a', HOUR, { pageViewId: 'open' })]);
    expect(historyAt(resumed.profile, NOW).impressionsWithoutClick('a', 0)).toBe(2);
    expect(historyAt(resumed.profile, NOW).lastEngaged('b')).toBe(NOW - DAY);
  });
});
