import {
  add,
  backend,
  matMul,
  mean,
  mul,
  relu,
  reshape,
  setBackend,
  sigmoid,
  softplus,
  sub,
  tensor1d,
  tensor2d,
  tidy,
  variable,
  variableGrads,
  AdamOptimizer,
  type Scalar,
  type Tensor,
  type Tensor2D,
  type Variable,
} from '@tensorflow/tfjs-core/dist/base';
import { registerKernels } from './tf-kernels.js';
import type { Scorer, TrainingBatch } from './scorer.js';
import type { DenseLayer, ModelWeights } from './weights.js';

/** How strongly fine-tuning is pulled back toward the prior (L2 on the difference). */
export const PRIOR_PULL = 0.01;
export const LEARNING_RATE = 0.02;

interface LayerVariables {
  readonly kernel: Variable;
  readonly bias: Variable;
  readonly prior: { readonly kernel: Tensor; readonly bias: Tensor };
  readonly shape: DenseLayer;
}

/**
 * Under Node (`inkling/engine`) the CPU backend's first tensor prints a banner recommending tfjs-node,
 * on every run. Inkling's model is small enough that the CPU backend is the right one, so the banner is
 * only noise: clearing the backend's one-shot `firstUse` flag skips it and nothing else (TF.js's other
 * warnings still print).
 */
function quietNodeBanner(): void {
  const cpu = backend() as { firstUse?: boolean };
  if (cpu.firstUse === true) cpu.firstUse = false;
}

/** Starts TF.js on its CPU backend; rejects if it cannot, and the engine falls back to the JS scorer. */
export async function createTfScorer(prior: ModelWeights, start: ModelWeights = prior): Promise<Scorer> {
  registerKernels();
  if (!(await setBackend('cpu'))) throw new Error('the TF.js CPU backend did not start');
  quietNodeBanner();
  const layers = start.layers.map((layer, index): LayerVariables => ({
    kernel: variable(tensor2d(layer.weights as number[], [layer.inputs, layer.outputs])),
    bias: variable(tensor1d(layer.bias as number[])),
    prior: {
      kernel: tensor2d(prior.layers[index]!.weights as number[], [layer.inputs, layer.outputs]),
      bias: tensor1d(prior.layers[index]!.bias as number[]),
    },
    shape: layer,
  }));
  // train.adam() with its defaults; `train` would keep all seven optimizers in the bundle.
  const optimizer = new AdamOptimizer(LEARNING_RATE, 0.9, 0.999);
  const trainable = layers.flatMap((layer) => [layer.kernel, layer.bias]);
  const priors = layers.flatMap((layer) => [layer.prior.kernel, layer.prior.bias]);

  const logits = (rows: Tensor2D): Tensor => {
    let current: Tensor = rows;
    layers.forEach((layer, index) => {
      current = add(matMul(current as Tensor2D, layer.kernel as Tensor2D), layer.bias);
      if (index < layers.length - 1) current = relu(current);
    });
    return current;
  };

  return {
    kind: 'tfjs',
    score(rows, count) {
      if (count === 0) return new Float32Array(0);
      const probabilities = tidy(() => sigmoid(logits(tensor2d(rows, [count, start.layers[0]!.inputs]))));
      const values = probabilities.dataSync() as Float32Array;
      probabilities.dispose();
      return values;
    },
    train(batch: TrainingBatch) {
      if (batch.count === 0) return 0;
      return tidy(() => {
        const { value, grads } = variableGrads(() => {
          const x = tensor2d(batch.rows, [batch.count, start.layers[0]!.inputs]);
          const z = reshape(logits(x), [batch.count]);
          const y = tensor1d(batch.labels);
          const w = tensor1d(batch.weights);
          // Binary cross-entropy on logits: softplus(z) - y*z, stable for large |z|.
          return mean(mul(w, sub(softplus(z), mul(y, z)))) as Scalar;
        }, trainable);
        // The pull toward the prior, PRIOR_PULL * sum((θ - θ₀)²), enters as its gradient 2 * PRIOR_PULL * (θ - θ₀):
        // the same Adam step as with the term in the loss, without differentiating it (measured: 2.0 -> 1.4 ms a step).
        optimizer.applyGradients(
          trainable.map((weight, index) => ({
            name: weight.name,
            tensor: add(grads[weight.name]!, mul(sub(weight, priors[index]!), 2 * PRIOR_PULL)),
          })),
        );
        // The data loss (the pull's value is not needed to train).
        return value.dataSync()[0] ?? 0;
      });
    },
    weights() {
      return {
        kind: start.kind,
        features: start.features,
        layers: layers.map((layer) => ({
          inputs: layer.shape.inputs,
          outputs: layer.shape.outputs,
          weights: Array.from(layer.kernel.dataSync()),
          bias: Array.from(layer.bias.dataSync()),
        })),
      };
    },
    dispose() {
      optimizer.dispose();
      for (const layer of layers) {
        layer.kernel.dispose();
        layer.bias.dispose();
        layer.prior.kernel.dispose();
        layer.prior.bias.dispose();
      }
    },
  };
}
