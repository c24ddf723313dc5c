import type { ModelWeights } from '../../../worker/model/weights.js';
import { mulberry32 } from '../../random.js';

/**
 * A plain-JS copy of the engine's scorer shapes (logistic, or one ReLU hidden layer) with
 * hand-written gradients, for offline training of the prior. Weights are row-major `[inputs][outputs]`,
 * the layout `ModelWeights` uses.
 */
export interface TrainableModel {
  readonly kind: 'logistic' | 'mlp';
  readonly inputs: number;
  readonly hidden: number;
  /** Parameter arrays, in the order `layers()` writes them: [w1, b1] or [w1, b1, w2, b2]. */
  readonly params: Float64Array[];
  /**
   * MLP only: a fixed, untrained linear term per input added to the logit (the hand-set weights). The
   * engine's MLP carries it as two extra hidden units (see `toWeights`), so training sees what ships.
   */
  fixedLinear?: Float64Array;
}

/** A fresh model; MLP weights start small and seeded so that training is reproducible. */
export function createModel(kind: 'logistic' | 'mlp', inputs: number, hidden: number, seed: number): TrainableModel {
  const random = mulberry32(seed);
  const init = (n: number, scale: number): Float64Array =>
    Float64Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  if (kind === 'logistic') return { kind, inputs, hidden: 0, params: [new Float64Array(inputs), new Float64Array(1)] };
  return {
    kind,
    inputs,
    hidden,
    params: [
      init(inputs * hidden, Math.sqrt(6 / inputs)),
      new Float64Array(hidden).fill(0.01),
      init(hidden, Math.sqrt(6 / hidden)),
      new Float64Array(1),
    ],
  };
}

/** Logits for `count` rows; when `hiddenOut` is given the hidden activations are written there. */
export function forward(
  model: TrainableModel,
  rows: Float32Array,
  count: number,
  hiddenOut?: Float64Array,
): Float64Array {
  const { inputs, hidden, params } = model;
  const z = new Float64Array(count);
  const [w1, b1, w2, b2] = params as [Float64Array, Float64Array, Float64Array?, Float64Array?];
  for (let r = 0; r < count; r++) {
    const x = r * inputs;
    if (model.kind === 'logistic') {
      let s = b1[0]!;
      for (let i = 0; i < inputs; i++) s += rows[x + i]! * w1[i]!;
      z[r] = s;
      continue;
    }
    let s = b2![0]!;
    if (model.fixedLinear) for (let i = 0; i < inputs; i++) s += rows[x + i]! * model.fixedLinear[i]!;
    for (let h = 0; h < hidden; h++) {
      let a = b1[h]!;
      for (let i = 0; i < inputs; i++) a += rows[x + i]! * w1[i * hidden + h]!;
      a = a > 0 ? a : 0;
      if (hiddenOut) hiddenOut[r * hidden + h] = a;
      s += a * w2![h]!;
    }
    z[r] = s;
  }
  return z;
}

/** Adds to `grads` the gradient of the loss whose derivative with respect to the logits is `dz`. */
export function backward(
  model: TrainableModel,
  rows: Float32Array,
  count: number,
  dz: Float64Array,
  hiddenAct: Float64Array,
  grads: Float64Array[],
): void {
  const { inputs, hidden, params } = model;
  const [g1, gb1, g2, gb2] = grads as [Float64Array, Float64Array, Float64Array?, Float64Array?];
  for (let r = 0; r < count; r++) {
    const d = dz[r]!;
    if (d === 0) continue;
    const x = r * inputs;
    if (model.kind === 'logistic') {
      for (let i = 0; i < inputs; i++) g1[i] += d * rows[x + i]!;
      gb1[0] += d;
      continue;
    }
    const w2 = params[2]!;
    gb2![0] += d;
    for (let h = 0; h < hidden; h++) {
      const a = hiddenAct[r * hidden + h]!;
      g2![h] += d * a;
      if (a <= 0) continue;
      const da = d * w2[h]!;
      gb1[h] += da;
      for (let i = 0; i < inputs; i++) g1[i * hidden + h] += da * rows[x + i]!;
    }
  }
}

/**
 * The model as the engine's `ModelWeights`. For an MLP, `linear` (feature index to weight) adds a
 * linear term through two extra hidden units, relu(x·w) - relu(-x·w) = x·w: hand-set weights for
 * features the training data lacks survive in an MLP too.
 */
export function toWeights(
  model: TrainableModel,
  features: readonly string[],
  linear?: ReadonlyMap<number, number>,
): ModelWeights {
  // Four decimals: the fifth changes no measured figure and costs ~0.3 KB of the worker bundle (min+gzip).
  const round = (values: Float64Array): number[] => Array.from(values, (v) => Math.round(v * 1e4) / 1e4);
  const [w1, b1, w2, b2] = model.params;
  if (model.kind === 'logistic') {
    return {
      kind: 'logistic',
      features,
      layers: [{ inputs: model.inputs, outputs: 1, weights: round(w1!), bias: round(b1!) }],
    };
  }
  const extra = linear && linear.size > 0 ? 2 : 0;
  const width = model.hidden + extra;
  const first = new Float64Array(model.inputs * width);
  for (let i = 0; i < model.inputs; i++) {
    for (let h = 0; h < model.hidden; h++) first[i * width + h] = w1![i * model.hidden + h]!;
    if (extra) {
      first[i * width + model.hidden] = linear!.get(i) ?? 0;
      first[i * width + model.hidden + 1] = -(linear!.get(i) ?? 0);
    }
  }
  const firstBias = Float64Array.from({ length: width }, (_, h) => (h < model.hidden ? b1![h]! : 0));
  const second = Float64Array.from({ length: width }, (_, h) =>
    h < model.hidden ? w2![h]! : h === model.hidden ? 1 : -1,
  );
  return {
    kind: 'mlp',
    features,
    layers: [
      { inputs: model.inputs, outputs: width, weights: round(first), bias: round(firstBias) },
      { inputs: width, outputs: 1, weights: round(second), bias: round(b2!) },
    ],
  };
}
