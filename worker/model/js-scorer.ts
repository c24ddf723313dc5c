import type { DenseLayer, ModelWeights } from './weights.js';

/** Each layer's weights and bias as Float64Arrays, made once per layer (weights are never edited in place). */
const packed = new WeakMap<DenseLayer, { readonly weights: Float64Array; readonly bias: Float64Array }>();

function pack(layer: DenseLayer): { readonly weights: Float64Array; readonly bias: Float64Array } {
  let found = packed.get(layer);
  if (found === undefined) {
    found = { weights: Float64Array.from(layer.weights), bias: Float64Array.from(layer.bias) };
    packed.set(layer, found);
  }
  return found;
}

/**
 * Scores feature rows with plain loops: the fallback when TF.js cannot start, and the reference
 * the TF.js path is tested against. Returns one probability per row. It runs on every ranking, so
 * it reads typed arrays in tight loops (same sums, in the same order, as a naive loop).
 */
export function scoreWithJs(weights: ModelWeights, rows: Float32Array, count: number): Float32Array {
  let input = rows;
  let width = weights.layers[0]!.inputs;
  const last = weights.layers.length - 1;
  for (let index = 0; index <= last; index++) {
    const layer = weights.layers[index]!;
    const { weights: kernel, bias } = pack(layer);
    const outputs = layer.outputs;
    const output = new Float32Array(count * outputs);
    for (let r = 0, base = 0; r < count; r++, base += width) {
      for (let o = 0; o < outputs; o++) {
        let sum = bias[o]!;
        for (let i = 0, w = o; i < width; i++, w += outputs) sum += input[base + i]! * kernel[w]!;
        output[r * outputs + o] = index === last ? 1 / (1 + Math.exp(-sum)) : Math.max(0, sum);
      }
    }
    input = output;
    width = outputs;
  }
  return input;
}
