import type { ModelWeights } from './weights.js';

/**
 * Scores feature rows with plain loops: the fallback when TF.js cannot start, and the reference
 * the TF.js path is tested against. Returns one probability per row.
 */
export function scoreWithJs(weights: ModelWeights, rows: Float32Array, count: number): Float32Array {
  let input = rows;
  let width = weights.layers[0]!.inputs;
  weights.layers.forEach((layer, index) => {
    const last = index === weights.layers.length - 1;
    const output = new Float32Array(count * layer.outputs);
    for (let r = 0; r < count; r++) {
      for (let o = 0; o < layer.outputs; o++) {
        let sum = layer.bias[o]!;
        for (let i = 0; i < width; i++) sum += input[r * width + i]! * layer.weights[i * layer.outputs + o]!;
        output[r * layer.outputs + o] = last ? 1 / (1 + Math.exp(-sum)) : Math.max(0, sum);
      }
    }
    input = output;
    width = layer.outputs;
  });
  return input;
}
