import { describe, expect, it } from 'vitest';
import {
  coOccurrence,
  originalOrder,
  popularityOrder,
  recentlyInteractedFirst,
  sessionRecency,
} from '../../../bench/quality/baselines.js';
import { tableFromSessions } from '../../../bench/quality/site/neighbour-build.js';
import { checkNeighbourTable } from '../../../worker/site/neighbour-table.js';
import type { RankTaskContext } from '../../../bench/quality/types.js';

const context: RankTaskContext = { slot: 's', visitorId: 'v', time: 0 };
const items = [{ id: 'a', popularity: 1 }, { id: 'b', popularity: 5 }, { id: 'c', popularity: 5 }, { id: 'd' }];

describe('baselines', () => {
  it('keeps the original order', () => {
    expect(originalOrder().rank(items, context)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts popular items first and breaks ties by the original order', () => {
    expect(popularityOrder().rank(items, context)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('puts the most recently engaged item first, ignores impressions and forgets on reset', () => {
    const ranker = recentlyInteractedFirst();
    ranker.observe({ type: 'view', itemId: 'c', time: 1 });
    ranker.observe({ type: 'click', itemId: 'b', time: 1 });
    ranker.observe({ type: 'impression', itemId: 'd', time: 2 });
    expect(ranker.rank(items, context)).toEqual(['b', 'c', 'a', 'd']);
    ranker.reset?.();
    expect(ranker.rank(items, context)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('session and site-table baselines', () => {
  it('this session newest first: a gap of more than 30 minutes starts a new session', () => {
    const ranker = sessionRecency();
    ranker.observe({ type: 'view', itemId: 'd', time: 0 });
    ranker.observe({ type: 'view', itemId: 'c', time: 31 * 60_000 });
    ranker.observe({ type: 'view', itemId: 'b', time: 32 * 60_000 });
    expect(ranker.rank(items, { ...context, time: 33 * 60_000 })).toEqual(['b', 'c', 'a', 'd']);
    // An hour later the session is over: the original order.
    expect(ranker.rank(items, { ...context, time: 95 * 60_000 })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('co-occurrence ranks the neighbours of this session first, then popularity when the order means nothing', () => {
    const table = tableFromSessions(
      [
        ['x', 'c'],
        ['x', 'c'],
        ['x', 'a'],
        ['x', 'a'],
        ['x', 'a'],
      ],
      { minCount: 2, k: 10 },
    );
    const ranker = coOccurrence(table);
    ranker.observe({ type: 'view', itemId: 'x', time: 0 });
    expect(ranker.rank(items, { ...context, time: 1 })).toEqual(['a', 'c', 'b', 'd']);
    expect(ranker.rank(items, { ...context, time: 1, order: 'none' })).toEqual(['a', 'c', 'b', 'd']);
    ranker.reset?.();
    expect(ranker.rank(items, { ...context, time: 1, order: 'none' })).toEqual(['b', 'c', 'a', 'd']);
  });
});

describe('the neighbour table the bench builds', () => {
  it('counts a pair once per session, drops pairs under minCount, keeps k per item, most first then by id', () => {
    const table = tableFromSessions([['a', 'b', 'c'], ['a', 'b'], ['a', 'c'], ['b', 'a'], ['d']], {
      minCount: 2,
      k: 1,
    });
    expect(checkNeighbourTable(table)).toBe(table);
    expect(table.sessions).toBe(5);
    expect(table.neighbours).toEqual({ a: [['b', 3]], b: [['a', 3]], c: [['a', 2]] });
    expect(table.support).toEqual({ a: 4, b: 3, c: 2 });
  });
});
