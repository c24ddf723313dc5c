import { describe, expect, it } from 'vitest';
import {
  add,
  matMul,
  mean,
  memory,
  mul,
  relu,
  reshape,
  softplus,
  square,
  sub,
  sum,
  tensor1d,
  tensor2d,
  variable,
  AdamOptimizer,
  type Scalar,
  type Tensor,
  type Tensor2D,
} from '@tensorflow/tfjs-core/dist/base';
import { scoreWithJs } from '../../../worker/model/js-scorer.js';
import { createTfScorer, LEARNING_RATE, PRIOR_PULL } from '../../../worker/model/tf-model.js';
import { FEATURE_COUNT } from '../../../worker/features.js';
import { checkWeights, PRIOR_WEIGHTS, type ModelWeights } from '../../../worker/model/weights.js';
import logisticPrior from '../../../bench/quality/priors/logistic.json';
import mlpPrior from '../../../bench/quality/priors/mlp.json';

/** Deterministic pseudo-random rows in [0, 1). */
function rows(count: number, seed = 1): Float32Array {
  const out = new Float32Array(count * FEATURE_COUNT);
  let state = seed;
  for (let i = 0; i < out.length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out[i] = state / 2147483648;
  }
  return out;
}

const mlp: ModelWeights = {
  kind: 'mlp',
  features: PRIOR_WEIGHTS.features,
  layers: [
    {
      inputs: FEATURE_COUNT,
      outputs: 4,
      weights: Array.from(rows(4, 7).subarray(0, FEATURE_COUNT * 4), (v) => v - 0.5),
      bias: [0.1, -0.1, 0, 0.2],
    },
    { inputs: 4, outputs: 1, weights: [1, -1, 0.5, 2], bias: [-0.3] },
  ],
};

/** Like real feature rows: most values 0 (the JS scorer skips them), some negative, the last seven list-constant. */
function sparseRows(count: number, seed = 11): Float32Array {
  const out = rows(count, seed);
  const sparse = out.map((value, i) => (value < 0.6 ? 0 : i % 5 === 0 ? 1 - 2 * value : value));
  // Columns that hold one value for the whole list, as time, device and page type do (the last seven).
  for (let at = 0; at < sparse.length; at += FEATURE_COUNT)
    sparse.set([0.5, -0.87, 0, 1, 1, 0, 1], at + FEATURE_COUNT - 7);
  return sparse;
}

/** Scores and the order they give; the order is what a ranking uses. */
function ranked(scores: Float32Array): number[] {
  return Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

describe('plain-JS scorer and TF.js scorer', () => {
  const models: [string, ModelWeights][] = [
    ['the shipped prior', PRIOR_WEIGHTS],
    ['a small MLP', mlp],
    ['the logistic prior', checkWeights(logisticPrior)],
    ['the MLP prior', checkWeights(mlpPrior)],
  ];
  for (const [name, weights] of models) {
    it(`give the same scores and order for ${name} (${weights.kind}), dense and sparse rows`, async () => {
      const tf = await createTfScorer(weights);
      for (const input of [rows(50), sparseRows(200)]) {
        const count = input.length / FEATURE_COUNT;
        const fromTf = tf.score(input, count);
        const fromJs = scoreWithJs(weights, input, count);
        fromJs.forEach((value, i) => expect(value).toBeCloseTo(fromTf[i]!, 5));
        // Same order wherever TF.js's scores are apart by more than float32 rounding.
        const order = ranked(fromJs);
        for (let k = 1; k < order.length; k++)
          expect(fromTf[order[k - 1]!]! - fromTf[order[k]!]!).toBeGreaterThan(-1e-6);
      }
      tf.dispose();
    });
  }

  it('give the same scores for an MLP after TF.js has trained it', async () => {
    const tf = await createTfScorer(checkWeights(mlpPrior));
    const input = sparseRows(32, 4);
    const batch = {
      rows: input,
      labels: Float32Array.from({ length: 32 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
      weights: new Float32Array(32).fill(1),
      count: 32,
    };
    for (let i = 0; i < 20; i++) tf.train(batch);
    const fromJs = scoreWithJs(tf.weights(), input, 32);
    tf.score(input, 32).forEach((value, i) => expect(fromJs[i]).toBeCloseTo(value, 5));
    tf.dispose();
  });

  it('agree again after TF.js has trained, and training lowers the loss', async () => {
    const tf = await createTfScorer(PRIOR_WEIGHTS);
    const input = rows(32, 3);
    // Label rows by their second feature (category affinity), a pattern the model can learn.
    const labels = Float32Array.from({ length: 32 }, (_, i) => (input[i * FEATURE_COUNT + 1]! > 0.5 ? 1 : 0));
    const batch = { rows: input, labels, weights: new Float32Array(32).fill(1), count: 32 };
    const first = tf.train(batch);
    let last = first;
    for (let i = 0; i < 100; i++) last = tf.train(batch);
    expect(last).toBeLessThan(first);
    const trained = tf.weights();
    const fromJs = scoreWithJs(trained, input, 32);
    tf.score(input, 32).forEach((value, i) => expect(fromJs[i]).toBeCloseTo(value, 5));
    tf.dispose();
  });

  it('takes the same steps as Adam on the data loss plus the pull toward the prior', async () => {
    // Started far from the prior, so that the pull's gradient is as large as the data's: Adam is blind to a
    // gradient's scale, so only a pull comparable to the data loss shows in the steps.
    const start: ModelWeights = {
      ...mlp,
      layers: mlp.layers.map((layer) => ({
        ...layer,
        weights: layer.weights.map((w, i) => w + (i % 2 ? 4 : -4)),
        bias: layer.bias.map((b) => b - 3),
      })),
    };
    const input = rows(32, 9);
    const batch = {
      rows: input,
      labels: Float32Array.from({ length: 32 }, (_, i) => i % 2),
      weights: Float32Array.from({ length: 32 }, (_, i) => 1 + (i % 3)),
      count: 32,
    };
    const tf = await createTfScorer(mlp, start);
    // The reference: the pull written into the loss, differentiated by TF.js with minimize().
    const kernels = start.layers.map((layer) =>
      variable(tensor2d(layer.weights as number[], [layer.inputs, layer.outputs])),
    );
    const biases = start.layers.map((layer) => variable(tensor1d(layer.bias as number[])));
    const priorKernels = mlp.layers.map((layer) => tensor2d(layer.weights as number[], [layer.inputs, layer.outputs]));
    const priorBiases = mlp.layers.map((layer) => tensor1d(layer.bias as number[]));
    const optimizer = new AdamOptimizer(LEARNING_RATE, 0.9, 0.999);
    const loss = (): Scalar => {
      let z: Tensor = tensor2d(batch.rows, [32, FEATURE_COUNT]);
      kernels.forEach((kernel, i) => {
        z = add(matMul(z as Tensor2D, kernel), biases[i]!);
        if (i < kernels.length - 1) z = relu(z);
      });
      z = reshape(z, [32]);
      const data = mean(mul(tensor1d(batch.weights), sub(softplus(z), mul(tensor1d(batch.labels), z))));
      let pull: Tensor = sum(square(sub(kernels[0]!, priorKernels[0]!)));
      for (let i = 0; i < kernels.length; i++) {
        if (i > 0) pull = add(pull, sum(square(sub(kernels[i]!, priorKernels[i]!))));
        pull = add(pull, sum(square(sub(biases[i]!, priorBiases[i]!))));
      }
      return add(data, mul(pull, PRIOR_PULL)) as Scalar;
    };
    for (let step = 0; step < 20; step++) {
      tf.train(batch);
      optimizer.minimize(loss, false, [...kernels, ...biases]);
    }
    const trained = tf.weights();
    trained.layers.forEach((layer, i) => {
      const expected = [...kernels[i]!.dataSync(), ...biases[i]!.dataSync()];
      [...layer.weights, ...layer.bias].forEach((value, j) => expect(value).toBeCloseTo(expected[j]!, 5));
    });
    // And they moved.
    expect(trained.layers[0]!.weights[0]).not.toBeCloseTo(start.layers[0]!.weights[0]!, 3);
    tf.dispose();
    optimizer.dispose();
    for (const t of [...kernels, ...biases, ...priorKernels, ...priorBiases]) t.dispose();
  });

  it('leaves no tensor behind over 1,000 scoring and training steps', async () => {
    const tf = await createTfScorer(mlp);
    const input = rows(32, 5);
    const batch = {
      rows: input,
      labels: new Float32Array(32).fill(1),
      weights: new Float32Array(32).fill(1),
      count: 32,
    };
    tf.train(batch); // the optimizer's moment variables are created on the first step and live with the model
    const baseline = memory().numTensors;
    for (let i = 0; i < 1000; i++) {
      tf.score(input, 32);
      tf.train(batch);
    }
    expect(memory().numTensors).toBe(baseline);
    tf.dispose();
  });
});
