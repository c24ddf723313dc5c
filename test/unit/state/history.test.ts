import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InklingEvent } from '../../../common/types.js';
import { buildHistory, createHistoryIndex, type VisitorHistory } from '../../../worker/recipe/index.js';
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

  it('summarises recent engagement with decay, from event snapshots', () => {
    const shoes = { category: 'running shoes', tags: ['trail', 'trail'], brand: 'acme' };
    const history = historyOf([
      event('view', 's1', 0, { item: shoes }),
      event('view', 's2', 7 * DAY, { item: shoes }),
      event('purchase', 's3', 0, { item: shoes }),
      event('view', 'old', 31 * DAY, { item: { category: 'hats' } }),
      event('impression', 's4', 0, { item: shoes }),
    ]);
    const { engagement } = history;
    // view now (1) + view a half-life ago (0.5) + purchase now (3)
    expect(engagement.totalWeight).toBeCloseTo(4.5);
    expect(engagement.categories.get('running shoes')?.weight).toBeCloseTo(4.5);
    expect(engagement.categories.get('running shoes')?.items.get('view')).toBe(2);
    expect(engagement.categories.get('running shoes')?.items.get('purchase')).toBe(1);
    expect(engagement.categories.has('hats')).toBe(false);
    expect(engagement.tags.get('trail')).toBeCloseTo(4.5);
    expect(engagement.brands.get('acme')).toBeCloseTo(4.5);
    expect(engagement.items.get('s3')).toBeCloseTo(3);
    expect(engagement.items.has('s4')).toBe(false);
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
  expect(history.engagement).toEqual(whole.engagement);
}

describe('createHistoryIndex', () => {
  it('answers like buildHistory when events arrive in batches', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        idArb,
        (events, batches, id) => {
          const index = createHistoryIndex();
          const size = Math.ceil(events.length / batches);
          for (let i = 0; i < events.length; i += size) {
            index.add(events.slice(i, i + size));
            index.at(NOW); // an earlier ranking in between must not freeze anything
          }
          expectAnswersOfAll(index.at(NOW), events, id);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('goes on from a snapshot that went through JSON as if it had seen every event', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.nat(), idArb, (events, cut, id) => {
        const split = events.length === 0 ? 0 : cut % events.length;
        const before = createHistoryIndex();
        before.add(events.slice(0, split));
        // Every page view still open and every engagement kept: nothing is summarised away.
        const saved = JSON.parse(JSON.stringify(before.snapshot(-Infinity, -Infinity)));
        const resumed = createHistoryIndex(saved);
        resumed.add(events.slice(split));
        expectAnswersOfAll(resumed.at(NOW), events, id);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps closed page views as impression times, and leaves out engagements before the lookback', () => {
    const index = createHistoryIndex();
    index.add([
      event('impression', 'a', 3 * DAY, { pageViewId: 'old' }),
      event('impression', 'a', 2 * HOUR, { pageViewId: 'open' }),
      event('impression', 'a', 2 * HOUR - 1, { pageViewId: 'open' }),
      event('click', 'b', 40 * DAY),
      event('click', 'b', 1 * DAY),
    ]);
    const saved = index.snapshot(NOW - DAY, NOW - 30 * DAY);
    expect(saved.shown).toEqual([NOW - 3 * DAY]);
    expect(saved.openPageViews).toEqual([[0, [['open', NOW - 2 * HOUR]]]]);
    expect(saved.engagement.map((entry) => entry.time)).toEqual([NOW - DAY]);
    const resumed = createHistoryIndex(saved);
    // The open page view is still recognised: its item is shown once more only in another page view.
    resumed.add([event('impression', 'a', HOUR, { pageViewId: 'open' })]);
    expect(resumed.at(NOW).impressionsWithoutClick('a', 0)).toBe(2);
    expect(resumed.at(NOW).lastEngaged('b')).toBe(NOW - DAY);
  });
});
