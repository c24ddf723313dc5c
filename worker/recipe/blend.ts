import type { Reason, StrategyWeight, SlotOrder } from '../../common/types.js';
import { formatNumber } from './explain.js';
import type { TasteSummary } from '../state/taste-summary.js';
import { type StrategyInput, type StrategyScores, scoreStrategy } from './strategies.js';

/** Blended scores in [0, 1] and, per item, which strategy contributed what. */
export interface Blend {
  readonly scores: Float64Array;
  reasons(index: number): Reason[];
}

/**
 * Blends rank-normalized strategy scores (every strategy, the model included, on the same percentile
 * scale) with weights divided by their sum, so that the blend stays in [0, 1], a weight reads as "share
 * of the say" and a small weight stays a small influence. Zero-weight strategies are not computed at all.
 */
export function blend(
  candidates: readonly StrategyInput[],
  strategies: readonly StrategyWeight[],
  taste: TasteSummary,
  now: number,
  order?: SlotOrder,
): Blend {
  const total = strategies.reduce((sum, s) => sum + s.weight, 0);
  const scores = new Float64Array(candidates.length);
  const parts: { scores: StrategyScores; share: number }[] = [];
  for (const strategy of strategies) {
    if (strategy.weight <= 0) continue;
    const share = strategy.weight / total;
    const strategyScores = scoreStrategy(strategy.use, candidates, taste, now, order);
    const normalized = strategyScores.normalized;
    for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) + share * (normalized[i] as number);
    parts.push({ scores: strategyScores, share });
  }
  return {
    scores,
    reasons(index) {
      return parts.map(({ scores: s, share }) => {
        const contribution = share * (s.normalized[index] as number);
        return {
          kind: 'strategy',
          source: s.name,
          text: `${s.name}: ${s.describe(index)}; adds ${formatNumber(contribution)}`,
          value: contribution,
        };
      });
    },
  };
}
