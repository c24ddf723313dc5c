import { scoreWithJs } from './js-scorer.js';
import type { Scorer, TrainingBatch } from './scorer.js';
import type { ModelWeights } from './weights.js';

/** The engine's model: scores with plain JS, learns with TF.js loaded on first need. */
export interface Model {
  /** One probability per feature row; synchronous and TF.js-free, so the first ranking never waits for TF.js. */
  score(rows: Float32Array, count: number): Float32Array;
  /** Runs up to `steps` training steps on batches from `next`; resolves false when learning is off or TF.js failed. */
  train(next: () => TrainingBatch | undefined, steps: number): Promise<boolean>;
  weights(): ModelWeights;
  /** Back to the prior (for `forget()`). */
  reset(): void;
  dispose(): void;
}

export interface ModelOptions {
  readonly prior: ModelWeights;
  readonly start: ModelWeights;
  /** `false` keeps the weights fixed (no TF.js at all). */
  readonly learn: boolean;
  readonly warn: (message: string) => void;
  /** Seam: how the TF.js trainer is loaded. Default: a lazy chunk. */
  readonly loadTrainer?: (prior: ModelWeights, start: ModelWeights) => Promise<Scorer>;
}

/**
 * TF.js costs ~190 KB of script to parse; a worker that needed it before its first ranking would
 * miss the page's budget on a cold start. So ranking uses the plain-JS forward pass (same weights,
 * same order: test/unit/worker/model.test.ts), and TF.js arrives only when there is something to learn.
 */
export function createModel(options: ModelOptions): Model {
  let weights = options.start;
  let trainer: Promise<Scorer | undefined> | undefined;
  const load =
    options.loadTrainer ?? (async (prior, start) => (await import('./tf-model.js')).createTfScorer(prior, start));

  const getTrainer = () =>
    (trainer ??= load(options.prior, weights).catch((error: unknown) => {
      options.warn(
        `TF.js could not start (${error instanceof Error ? error.message : String(error)}); ranking without on-device learning`,
      );
      return undefined;
    }));

  return {
    score: (rows, count) => scoreWithJs(weights, rows, count),
    async train(next, steps) {
      if (!options.learn || steps <= 0) return false;
      const active = await getTrainer();
      if (!active) return false;
      for (let step = 0; step < steps; step++) {
        const batch = next();
        if (!batch || batch.count === 0) break;
        active.train(batch);
      }
      weights = active.weights();
      return true;
    },
    weights: () => weights,
    reset() {
      void trainer?.then((active) => active?.dispose());
      trainer = undefined;
      weights = options.prior;
    },
    dispose() {
      void trainer?.then((active) => active?.dispose());
      trainer = undefined;
    },
  };
}
