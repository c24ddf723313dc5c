import { FEATURE_COUNT } from '../../worker/features.js';
import type { ModelWeights } from '../../worker/model/weights.js';

/**
 * The yardstick: a hand-written ranker over the same feature rows, a Float32Array dot product per item
 * and an index sort; no recipe, no reasons, no allocation beyond two typed arrays. Works for the
 * logistic prior (one layer); for an MLP it scores with the first layer's first unit (only its speed matters).
 */
export function handWrittenRank(rows: Float32Array, count: number, weights: Float32Array, bias: number): Uint32Array {
  const scores = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let sum = bias;
    const offset = r * FEATURE_COUNT;
    for (let f = 0; f < FEATURE_COUNT; f++) sum += rows[offset + f]! * weights[f]!;
    scores[r] = sum;
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order;
}

/** The first layer's weights as the hand-written ranker reads them. */
export function firstUnit(weights: ModelWeights): { weights: Float32Array; bias: number } {
  const layer = weights.layers[0]!;
  return {
    weights: Float32Array.from({ length: FEATURE_COUNT }, (_, f) => layer.weights[f * layer.outputs]!),
    bias: layer.bias[0]!,
  };
}
