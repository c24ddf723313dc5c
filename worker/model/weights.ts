import { FEATURE_COUNT, FEATURE_NAMES } from '../features.js';
import prior from './prior.json';

/** One dense layer, weights row-major `[inputs][outputs]`. */
export interface DenseLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: readonly number[];
  readonly bias: readonly number[];
}

/**
 * A scorer's parameters as plain JSON: what ships as the prior, what a site may supply,
 * what is saved in IndexedDB. Hidden layers use ReLU; the last layer a sigmoid.
 */
export interface ModelWeights {
  readonly kind: 'logistic' | 'mlp';
  /** Feature names the weights were trained on; a mismatch falls back to the shipped prior. */
  readonly features: readonly string[];
  readonly layers: readonly DenseLayer[];
}

/** The prior shipped with the SDK (see `docs/model.md` for how it is learned). */
export const PRIOR_WEIGHTS: ModelWeights = checkWeights(prior);

/** Validates untrusted weights (site-supplied or read from storage); throws with the reason. */
export function checkWeights(input: unknown): ModelWeights {
  const value = input as Partial<ModelWeights> | null;
  if (!value || (value.kind !== 'logistic' && value.kind !== 'mlp'))
    throw new Error('weights.kind must be "logistic" or "mlp"');
  if (!Array.isArray(value.features) || value.features.join() !== FEATURE_NAMES.join()) {
    throw new Error(`weights.features must list the ${FEATURE_COUNT} features of this SDK version`);
  }
  if (!Array.isArray(value.layers) || value.layers.length === 0) throw new Error('weights.layers must not be empty');
  let inputs: number = FEATURE_COUNT;
  value.layers.forEach((layer, index) => {
    const where = `weights.layers[${index}]`;
    if (layer.inputs !== inputs) throw new Error(`${where}.inputs must be ${inputs}`);
    if (!isFiniteArray(layer.weights, layer.inputs * layer.outputs))
      throw new Error(`${where}.weights must hold ${layer.inputs * layer.outputs} finite numbers`);
    if (!isFiniteArray(layer.bias, layer.outputs))
      throw new Error(`${where}.bias must hold ${layer.outputs} finite numbers`);
    inputs = layer.outputs;
  });
  if (inputs !== 1) throw new Error('the last layer must have one output');
  return value as ModelWeights;
}

function isFiniteArray(values: unknown, length: number): boolean {
  return (
    Array.isArray(values) &&
    values.length === length &&
    values.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}
