import type { ModelWeights } from './weights.js';

/** One model's layers as Float32Arrays (the precision TF.js computes in), made once per weights object. */
interface Packed {
  readonly kernels: readonly Float32Array[];
  readonly biases: readonly Float32Array[];
  readonly widths: readonly number[];
}

// Weights objects are never edited in place (training returns new ones), so packing once per object is safe.
const packed = new WeakMap<ModelWeights, Packed>();

function pack(weights: ModelWeights): Packed {
  let found = packed.get(weights);
  if (found === undefined) {
    found = {
      kernels: weights.layers.map((layer) => Float32Array.from(layer.weights)),
      biases: weights.layers.map((layer) => Float32Array.from(layer.bias)),
      widths: [weights.layers[0]!.inputs, ...weights.layers.map((layer) => layer.outputs)],
    };
    packed.set(weights, found);
  }
  return found;
}

// Activations of one row, reused across rows and calls (the worker is single-threaded).
let scratchA = new Float64Array(64);
let scratchB = new Float64Array(64);

/**
 * Scores feature rows with plain loops: what every ranking uses (TF.js is loaded only to learn), and
 * the reference the TF.js path is tested against. Returns one probability per row.
 *
 * Per row, each layer's outputs start at the bias and add input × weight-row; the weights are
 * row-major `[inputs][outputs]`, so the inner loop walks one contiguous row. Inputs that are 0 are
 * skipped: most features are 0 for most items (no history with them), and adding 0 × w changes no sum.
 * The sums run in the same order as a naive loop, in double precision over float32 weights.
 */
export function scoreWithJs(weights: ModelWeights, rows: Float32Array, count: number): Float32Array {
  const { kernels, biases, widths } = pack(weights);
  const layers = kernels.length;
  const inputs = widths[0]!;
  const widest = Math.max(...widths);
  if (scratchA.length < widest) {
    scratchA = new Float64Array(widest);
    scratchB = new Float64Array(widest);
  }
  const scores = new Float32Array(count);
  for (let r = 0, base = 0; r < count; r++, base += inputs) {
    let logit = 0;
    // First layer: straight from the feature rows.
    let kernel = kernels[0]!;
    let bias = biases[0]!;
    let outputs = widths[1]!;
    let out = scratchA;
    if (outputs === 1) {
      let sum = bias[0]!;
      for (let i = 0; i < inputs; i++) sum += rows[base + i]! * kernel[i]!;
      logit = out[0] = sum;
    } else {
      for (let o = 0; o < outputs; o++) out[o] = bias[o]!;
      for (let i = 0, w = 0; i < inputs; i++, w += outputs) {
        const x = rows[base + i]!;
        if (x === 0) continue;
        for (let o = 0; o < outputs; o++) out[o] += x * kernel[w + o]!;
      }
    }
    // Later layers: ReLU on the previous one's outputs, then the same product.
    for (let l = 1; l < layers; l++) {
      const input = out;
      const width = outputs;
      kernel = kernels[l]!;
      bias = biases[l]!;
      outputs = widths[l + 1]!;
      out = input === scratchA ? scratchB : scratchA;
      if (outputs === 1) {
        let sum = bias[0]!;
        for (let i = 0; i < width; i++) {
          const x = input[i]!;
          if (x > 0) sum += x * kernel[i]!;
        }
        logit = out[0] = sum;
      } else {
        for (let o = 0; o < outputs; o++) out[o] = bias[o]!;
        for (let i = 0, w = 0; i < width; i++, w += outputs) {
          const x = input[i]!;
          if (x <= 0) continue;
          for (let o = 0; o < outputs; o++) out[o] += x * kernel[w + o]!;
        }
      }
    }
    scores[r] = 1 / (1 + Math.exp(-logit));
  }
  return scores;
}
