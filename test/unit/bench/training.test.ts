import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../../bench/quality/csv.js';
import { datasetsDir } from '../../../bench/datasets-dir.mjs';
import { trivagoFromRows } from '../../../bench/quality/datasets/trivago.js';
import { collectLists, type FeatureList } from '../../../bench/quality/train/collect.js';
import { fitListwise, meanReciprocalRank } from '../../../bench/quality/train/fit.js';
import { createModel } from '../../../bench/quality/train/model.js';
import { HAND_SET, LOGISTIC } from '../../../bench/quality/train/settings.js';
import { FEATURE_INDEX } from '../../../bench/quality/feature-index.js';
import { FEATURE_COUNT } from '../../../worker/features.js';
import { createTfScorer } from '../../../worker/model/tf-model.js';
import { PRIOR_WEIGHTS, type ModelWeights } from '../../../worker/model/weights.js';

const dir = datasetsDir();
if (!dir)
  console.warn('shared datasets not found (set INKLING_DATASETS): training tests on a real excerpt are skipped');

/** The first 4,000 rows of trivago-100k (about 500 clickouts), featurized the way the engine does. */
function excerpt(): FeatureList[] {
  const text = readFileSync(join(dir!, 'trivago-100k/trivago_val_100k.csv'), 'utf8')
    .split('\n')
    .slice(0, 4001)
    .join('\n');
  const dataset = trivagoFromRows(parseCsvObjects(text));
  return [...collectLists(dataset, 'early'), ...collectLists(dataset, 'late')].sort((a, b) => a.time - b.time);
}

/** The display order as a model: every weight 0 but the position prior. */
const displayOrder = (() => {
  const model = createModel('logistic', FEATURE_COUNT, 0, 1);
  model.params[0]![FEATURE_INDEX.baseOrder] = 1;
  return model;
})();

/**
 * The hand-set weight of feature `index` as the model applies it. A logistic holds it directly; an MLP
 * holds it in its last two hidden units (+w and -w, read out with +1 and -1), and its other hidden units
 * must not see the feature at all, or they could learn the opposite sign.
 */
function handSetWeight(weights: ModelWeights, index: number): number {
  const [first, second] = weights.layers;
  if (weights.kind === 'logistic') return first!.weights[index]!;
  const width = first!.outputs;
  const hidden = width - 2;
  for (let h = 0; h < hidden; h++) expect(first!.weights[index * width + h]).toBe(0);
  expect([second!.weights[hidden], second!.weights[hidden + 1]]).toEqual([1, -1]);
  expect(first!.weights[index * width + hidden + 1]).toBe(-first!.weights[index * width + hidden]! || 0);
  return first!.weights[index * width + hidden]!;
}

describe('the priors', () => {
  const priors: [string, ModelWeights][] = [[`shipped (${PRIOR_WEIGHTS.kind})`, PRIOR_WEIGHTS]];
  for (const [name, weights] of priors) {
    it(`${name}: carry the hand-set weights of bench/quality/train/settings.ts, taste affinities non-negative`, () => {
      for (const [feature, value] of Object.entries(HAND_SET))
        expect(handSetWeight(weights, FEATURE_INDEX[feature as keyof typeof FEATURE_INDEX])).toBe(value);
      for (const feature of ['categoryAffinity', 'tagAffinity', 'brandAffinity'] as const)
        expect(handSetWeight(weights, FEATURE_INDEX[feature])).toBeGreaterThan(0);
    });
  }
  it('ships the logistic (npm run bench:prior), which treats the site order as evidence (baseOrder > 0)', () => {
    expect(PRIOR_WEIGHTS.kind).toBe('logistic');
    expect(PRIOR_WEIGHTS.layers[0]!.weights[FEATURE_INDEX.baseOrder]).toBeGreaterThan(0);
  });
});

describe.skipIf(!dir)('training on a real excerpt (trivago-100k, first 4,000 rows)', () => {
  const lists = dir ? excerpt() : [];
  const cut = Math.floor(lists.length * 0.7);
  const [train, held] = [lists.slice(0, cut), lists.slice(cut)];

  it('offline: the listwise fit lowers its training loss and beats the display order on later lists', () => {
    const frozen = new Map(
      Object.entries(HAND_SET).map(([name, value]) => [FEATURE_INDEX[name as keyof typeof FEATURE_INDEX], value!]),
    );
    const result = fitListwise(train, held, FEATURE_COUNT, { ...LOGISTIC, epochs: 6, frozen });
    const losses = result.history.map((h) => h.trainLoss);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.98);
    expect(result.validationMrr).toBeGreaterThan(meanReciprocalRank(displayOrder, held) + 0.05);
    // Hand-set weights stay exactly where they were put.
    for (const [index, value] of frozen) expect(result.model.params[0]![index]).toBe(value);
  });

  it('on device: TF.js fine-tuning from a blank model converges on clicked-vs-seen labels of the same lists', async () => {
    const blank: ModelWeights = {
      ...PRIOR_WEIGHTS,
      kind: 'logistic',
      layers: [{ inputs: FEATURE_COUNT, outputs: 1, weights: new Array(FEATURE_COUNT).fill(0), bias: [0] }],
    };
    const tf = await createTfScorer(blank);
    const batches = train.map((list) => ({
      rows: list.rows,
      labels: Float32Array.from({ length: list.count }, (_, i) => (i === list.target ? 1 : 0)),
      weights: new Float32Array(list.count).fill(1),
      count: list.count,
    }));
    const mrrOf = (weights: ModelWeights): number => {
      const model = createModel('logistic', FEATURE_COUNT, 0, 1);
      model.params[0]!.set(weights.layers[0]!.weights);
      return meanReciprocalRank(model, held);
    };
    const firstLoss = batches.slice(0, 20).reduce((sum, batch) => sum + tf.train(batch), 0);
    for (let epoch = 0; epoch < 3; epoch++) for (const batch of batches) tf.train(batch);
    const lastLoss = batches.slice(0, 20).reduce((sum, batch) => sum + tf.train(batch), 0);
    expect(lastLoss).toBeLessThan(firstLoss * 0.5);
    expect(mrrOf(tf.weights())).toBeGreaterThan(meanReciprocalRank(displayOrder, held));
    tf.dispose();
  });
});
