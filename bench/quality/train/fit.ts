import type { FeatureList } from './collect.js';
import { mulberry32 } from '../../random.js';
import { backward, createModel, forward, type TrainableModel } from './model.js';

/** Hyper-parameters of the offline prior fit. */
export interface FitOptions {
  readonly kind: 'logistic' | 'mlp';
  readonly hidden: number;
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 penalty on first-layer weights, per list. */
  readonly l2: number;
  readonly listsPerBatch: number;
  readonly seed: number;
  /**
   * Hand-set weights by feature index, never trained: features the training lists cannot teach keep a
   * documented prior instead of drifting (see HAND_SET in train-prior.ts). In a logistic model they are
   * first-layer weights; in an MLP they enter only through a fixed linear term (their hidden-unit
   * weights stay 0), so that no hidden unit can learn the opposite sign.
   */
  readonly frozen?: ReadonlyMap<number, number>;
}

/** What a fit returns: the best epoch's model (by validation MRR) and its figures. */
export interface FitResult {
  readonly model: TrainableModel;
  readonly bestEpoch: number;
  readonly validationMrr: number;
  readonly history: readonly { readonly epoch: number; readonly trainLoss: number; readonly validationMrr: number }[];
}

/**
 * Fits a listwise softmax loss (the chosen item against the rest of its list), which is what MRR
 * rewards, with Adam. The bias does not change a ranking, so it is calibrated afterwards with a
 * pointwise log-loss on `calibration` (default: the training lists): the engine's on-device
 * fine-tuning starts from honest probabilities, and the recipe's blend sees them on their real scale.
 */
export function fitListwise(
  train: readonly FeatureList[],
  validation: readonly FeatureList[],
  inputs: number,
  options: FitOptions,
  calibration: readonly FeatureList[] = train,
): FitResult {
  const model = createModel(options.kind, inputs, options.hidden, options.seed);
  const frozenParams = freeze(model, options.frozen);
  const adam = model.params.map((p) => ({ m: new Float64Array(p.length), v: new Float64Array(p.length) }));
  const random = mulberry32(options.seed + 1);
  const order = train.map((_, i) => i);
  let best = { mrr: -1, epoch: 0, params: model.params.map((p) => p.slice()) };
  const history: FitResult['history'][number][] = [];
  let t = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (let start = 0; start < order.length; start += options.listsPerBatch) {
      const grads = model.params.map((p) => new Float64Array(p.length));
      const batch = order.slice(start, start + options.listsPerBatch);
      for (const index of batch) loss += listGradient(model, train[index]!, grads);
      const w1 = model.params[0]!;
      for (let i = 0; i < w1.length; i++) grads[0]![i] += options.l2 * batch.length * w1[i]!;
      t++;
      model.params.forEach((p, k) =>
        adamStep(p, grads[k]!, adam[k]!, t, options.learningRate, k === 0 ? frozenParams : undefined),
      );
    }
    const validationMrr = meanReciprocalRank(model, validation);
    history.push({ epoch, trainLoss: loss / train.length, validationMrr });
    if (validationMrr > best.mrr) best = { mrr: validationMrr, epoch, params: model.params.map((p) => p.slice()) };
  }
  best.params.forEach((p, k) => model.params[k]!.set(p));
  calibrateBias(model, calibration);
  return { model, bestEpoch: best.epoch, validationMrr: best.mrr, history };
}

/** MRR of the model's order, ties broken by the site's order (as the engine does). */
export function meanReciprocalRank(model: TrainableModel, lists: readonly FeatureList[]): number {
  if (lists.length === 0) return 0;
  let total = 0;
  for (const list of lists) {
    const z = forward(model, list.rows, list.count);
    const target = z[list.target]!;
    let rank = 1;
    for (let i = 0; i < list.count; i++) if (z[i]! > target || (z[i] === target && i < list.target)) rank++;
    total += 1 / rank;
  }
  return total / lists.length;
}

/** Softmax cross-entropy of one list; adds its gradient to `grads` and returns the loss. */
function listGradient(model: TrainableModel, list: FeatureList, grads: Float64Array[]): number {
  const hidden = new Float64Array(list.count * Math.max(1, model.hidden));
  const z = forward(model, list.rows, list.count, hidden);
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  const p = z.map((v) => {
    const e = Math.exp(v - max);
    sum += e;
    return e;
  });
  const dz = p.map((e, i) => e / sum - (i === list.target ? 1 : 0));
  backward(model, list.rows, list.count, dz, hidden, grads);
  return -(z[list.target]! - max - Math.log(sum));
}

/**
 * Applies the hand-set weights to a fresh model and returns the first-layer entries that must not
 * train: the weight itself (logistic) or the feature's row of hidden-unit weights, zeroed (MLP).
 */
function freeze(model: TrainableModel, frozen: ReadonlyMap<number, number> | undefined): Set<number> {
  const fixed = new Set<number>();
  if (!frozen || frozen.size === 0) return fixed;
  const w1 = model.params[0]!;
  if (model.kind === 'logistic') {
    for (const [i, v] of frozen) {
      w1[i] = v;
      fixed.add(i);
    }
    return fixed;
  }
  model.fixedLinear = new Float64Array(model.inputs);
  for (const [i, v] of frozen) {
    model.fixedLinear[i] = v;
    for (let h = 0; h < model.hidden; h++) {
      w1[i * model.hidden + h] = 0;
      fixed.add(i * model.hidden + h);
    }
  }
  return fixed;
}

/** One Adam update; frozen first-layer entries are left alone. Adam is scale-free, so summed gradients are fine. */
function adamStep(
  param: Float64Array,
  grad: Float64Array,
  state: { m: Float64Array; v: Float64Array },
  t: number,
  rate: number,
  frozen?: ReadonlySet<number>,
): void {
  const b1 = 0.9;
  const b2 = 0.999;
  for (let i = 0; i < param.length; i++) {
    if (frozen?.has(i)) continue;
    const g = grad[i]!;
    state.m[i] = b1 * state.m[i]! + (1 - b1) * g;
    state.v[i] = b2 * state.v[i]! + (1 - b2) * g * g;
    const mHat = state.m[i]! / (1 - b1 ** t);
    const vHat = state.v[i]! / (1 - b2 ** t);
    param[i] -= (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
  }
}

/** Newton steps on the output bias alone, minimizing the pointwise log-loss of every row. */
function calibrateBias(model: TrainableModel, lists: readonly FeatureList[]): void {
  const bias = model.params[model.params.length - 1]!;
  const start = bias[0]!;
  const logits = lists.map((l) => forward(model, l.rows, l.count));
  for (let step = 0; step < 20; step++) {
    let g = 0;
    let h = 0;
    lists.forEach((list, n) => {
      logits[n]!.forEach((z, i) => {
        const p = 1 / (1 + Math.exp(-(z + bias[0]! - start)));
        g += p - (i === list.target ? 1 : 0);
        h += p * (1 - p);
      });
    });
    if (h <= 0) break;
    // Newton steps, at most 2 logits each: where every probability starts near 0 or 1, h is tiny and
    // an unclamped step overshoots without bound (a fit on rees46's lists alone reached 1e237).
    bias[0] -= Math.max(-2, Math.min(2, g / h));
  }
}

function shuffle(values: number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
}
