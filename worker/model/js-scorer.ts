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
let start = new Float64Array(64);
let varying = new Int32Array(64);

/**
 * For a wide first layer: the columns that vary between rows (into `varying`, returned count) and the
 * starting sums of the hidden units (into `start`): the bias plus the products of the columns that hold
 * the same value in every row. Time of day, weekday, device and page type are the same for a whole list,
 * so their products are made once per list instead of once per item.
 */
function splitColumns(
  rows: Float32Array,
  count: number,
  inputs: number,
  kernel: Float32Array,
  bias: Float32Array,
  outputs: number,
): number {
  let varied = 0;
  for (let o = 0; o < outputs; o++) start[o] = bias[o]!;
  for (let i = 0; i < inputs; i++) {
    const first = rows[i]!;
    let same = true;
    for (let at = inputs + i, end = count * inputs; at < end; at += inputs) {
      if (rows[at] !== first) {
        same = false;
        break;
      }
    }
    if (!same) varying[varied++] = i;
    else if (first !== 0) for (let o = 0, w = i * outputs; o < outputs; o++) start[o] += first * kernel[w + o]!;
  }
  return varied;
}

/**
 * Scores feature rows with plain loops: what every ranking uses (TF.js is loaded only to learn), and
 * the reference the TF.js path is tested against. Returns one probability per row.
 *
 * Per row, each layer's outputs start at the bias and add input × weight-row; the weights are
 * row-major `[inputs][outputs]`, so the inner loop walks one contiguous row. Inputs that are 0 are
 * skipped: most features are 0 for most items (no history with them), and adding 0 × w changes no sum.
 * A wide first layer adds the list-constant columns once (`splitColumns`). Sums are in double precision
 * over float32 weights; they differ from TF.js's float32 matMul only by rounding (model.test.ts).
 */
export function scoreWithJs(weights: ModelWeights, rows: Float32Array, count: number): Float32Array {
  const { kernels, biases, widths } = pack(weights);
  const layers = kernels.length;
  const inputs = widths[0]!;
  const widest = Math.max(...widths);
  if (scratchA.length < widest) {
    scratchA = new Float64Array(widest);
    scratchB = new Float64Array(widest);
    start = new Float64Array(widest);
  }
  if (varying.length < inputs) varying = new Int32Array(inputs);
  const scores = new Float32Array(count);
  if (count === 0) return scores;
  const varied = widths[1]! > 1 ? splitColumns(rows, count, inputs, kernels[0]!, biases[0]!, widths[1]!) : inputs;
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
      for (let o = 0; o < outputs; o++) out[o] = start[o]!;
      for (let k = 0; k < varied; k++) {
        const i = varying[k]!;
        const x = rows[base + i]!;
        if (x === 0) continue;
        for (let o = 0, w = i * outputs; o < outputs; o++) out[o] += x * kernel[w + o]!;
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
