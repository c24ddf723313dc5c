import { describe, expect, it } from 'vitest';
import { originalOrder, popularityOrder, recentlyInteractedFirst } from '../../../bench/quality/baselines.js';
import type { RankTaskContext } from '../../../bench/quality/types.js';

const context: RankTaskContext = { slot: 's', visitorId: 'v', time: 0 };
const items = [
  { id: 'a', popularity: 1 },
  { id: 'b', popularity: 5 },
  { id: 'c', popularity: 5 },
  { id: 'd' },
];

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
