import { scoreWithJs } from './js-scorer.js';
import type { Scorer } from './scorer.js';
import type { ModelWeights } from './weights.js';

/** The fallback when TF.js cannot start: same weights, same order, no on-device learning. */
export function createJsScorer(weights: ModelWeights): Scorer {
  return {
    kind: 'js',
    score: (rows, count) => scoreWithJs(weights, rows, count),
    train: () => 0,
    weights: () => weights,
    dispose() {},
  };
}
