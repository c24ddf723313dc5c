import type { ModelWeights } from './weights.js';

/** Labelled feature rows for one training step. */
export interface TrainingBatch {
  readonly rows: Float32Array;
  /** 1 for a click or purchase, 0 for a viewable impression without a click. */
  readonly labels: Float32Array;
  /** Per-example weight: purchases count more than clicks. */
  readonly weights: Float32Array;
  readonly count: number;
}

/** Turns feature rows into probabilities and learns from labelled rows. TF.js and plain JS implement it. */
export interface Scorer {
  readonly kind: 'tfjs' | 'js';
  score(rows: Float32Array, count: number): Float32Array;
  /** One optimisation step; returns the data loss, without the pull toward the prior (0 when the scorer cannot learn). */
  train(batch: TrainingBatch): number;
  weights(): ModelWeights;
  dispose(): void;
}
