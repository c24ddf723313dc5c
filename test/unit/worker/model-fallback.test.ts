import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT } from '../../../worker/features.js';
import { scoreWithJs } from '../../../worker/model/js-scorer.js';
import { createModel } from '../../../worker/model/model.js';
import type { TrainingBatch } from '../../../worker/model/scorer.js';
import { PRIOR_WEIGHTS } from '../../../worker/model/weights.js';

const rows = Float32Array.from({ length: 3 * FEATURE_COUNT }, (_, i) => ((i * 7) % 11) / 11);
const batch: TrainingBatch = { rows, labels: Float32Array.of(1, 0, 0), weights: Float32Array.of(1, 1, 1), count: 3 };

describe('model fallback when TF.js cannot start', () => {
  it('keeps scoring with the plain-JS scorer, warns once, and reports that it did not learn', async () => {
    const warnings: string[] = [];
    let loads = 0;
    const model = createModel({
      prior: PRIOR_WEIGHTS,
      start: PRIOR_WEIGHTS,
      learn: true,
      warn: (message) => warnings.push(message),
      loadTrainer: async () => {
        loads += 1;
        throw new Error('blocked by CSP');
      },
    });
    expect(await model.train(() => batch, 4)).toBe(false);
    expect(await model.train(() => batch, 4)).toBe(false);
    expect(loads).toBe(1);
    expect(warnings).toEqual(['TF.js could not start (blocked by CSP); ranking without on-device learning']);
    expect(model.score(rows, 3)).toEqual(scoreWithJs(PRIOR_WEIGHTS, rows, 3));
    expect(model.weights()).toBe(PRIOR_WEIGHTS);
  });

  it('never loads TF.js when learning is off or for ranking alone', async () => {
    let loads = 0;
    const loadTrainer = async () => {
      loads += 1;
      throw new Error('should not load');
    };
    const fixed = createModel({
      prior: PRIOR_WEIGHTS,
      start: PRIOR_WEIGHTS,
      learn: false,
      warn: () => undefined,
      loadTrainer,
    });
    fixed.score(rows, 3);
    expect(await fixed.train(() => batch, 4)).toBe(false);
    const learning = createModel({
      prior: PRIOR_WEIGHTS,
      start: PRIOR_WEIGHTS,
      learn: true,
      warn: () => undefined,
      loadTrainer,
    });
    learning.score(rows, 3);
    expect(loads).toBe(0);
  });
});
