import { describe, expect, it } from 'vitest';
import { hitAt, ndcgAt, rankOf, reciprocalRank, summarize } from '../../../bench/quality/metrics.js';

describe('metrics', () => {
  it('computes MRR, HR@k and NDCG@k over hand-checked ranks', () => {
    // Ranks 1, 2 and 4: MRR = (1 + 1/2 + 1/4) / 3; HR@1 = 1/3; HR@2 = 2/3;
    // NDCG@2 = (1 + 1/log2(3) + 0) / 3 = (1 + 0.6309298) / 3.
    const m = summarize([1, 2, 4], [1, 2, 5]);
    expect(m.lists).toBe(3);
    expect(m.mrr).toBeCloseTo(0.5833333, 6);
    expect(m.hr[1]).toBeCloseTo(1 / 3, 6);
    expect(m.hr[2]).toBeCloseTo(2 / 3, 6);
    expect(m.hr[5]).toBe(1);
    expect(m.ndcg[2]).toBeCloseTo(0.5436433, 6);
    // NDCG@5 adds rank 4: 1/log2(5) = 0.4306766.
    expect(m.ndcg[5]).toBeCloseTo((1 + 0.6309298 + 0.4306766) / 3, 6);
  });

  it('scores single ranks and rejects impossible ones', () => {
    expect(reciprocalRank(4)).toBe(0.25);
    expect(hitAt(10, 10)).toBe(1);
    expect(hitAt(11, 10)).toBe(0);
    expect(ndcgAt(3, 10)).toBeCloseTo(0.5, 10);
    expect(() => reciprocalRank(0)).toThrow();
    expect(() => hitAt(1.5, 3)).toThrow();
  });

  it('ranks ids a ranker left out after the ones it returned, in the original order', () => {
    expect(rankOf('b', ['c', 'b'], ['a', 'b', 'c'])).toBe(2);
    expect(rankOf('a', ['c'], ['a', 'b', 'c'])).toBe(2);
    expect(rankOf('b', ['c'], ['a', 'b', 'c'])).toBe(3);
    expect(() => rankOf('z', ['a'], ['a'])).toThrow(/not among/);
  });

  it('gives zeros for no lists', () => {
    expect(summarize([], [10])).toEqual({
      lists: 0,
      mrr: 0,
      mrrSe: 0,
      hr: { 10: 0 },
      hrSe: { 10: 0 },
      ndcg: { 10: 0 },
    });
  });

  it('gives the standard error of the mean over lists', () => {
    // Reciprocal ranks 1, 0.5, 1, 0.5: mean 0.75, sample sd 0.2887, se 0.1443; hits at 1: 1, 0, 1, 0.
    const summary = summarize([1, 2, 1, 2], [1]);
    expect(summary.mrrSe).toBeCloseTo(Math.sqrt(1 / 12) / 2, 6);
    expect(summary.hrSe[1]).toBeCloseTo(Math.sqrt(1 / 3) / 2, 6);
  });
});
