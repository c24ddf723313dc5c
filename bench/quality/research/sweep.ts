/**
 * MLP hyper-parameter sweep on the EARLY split only (the same train/validation cut as train-prior.ts):
 * prints each setting's validation MRR overall and per dataset; nothing is written. The late split is
 * never read. Usage: node bench/dist/quality/sweep.mjs 'hidden=32,epochs=30' 'learningRate=0.002' ...
 */
import { FEATURE_COUNT } from '../../../worker/features.js';
import { collectLists } from '../train/collect.js';
import { earlySplit } from '../train/early-split.js';
import { fitListwise, meanReciprocalRank, type FitOptions } from '../train/fit.js';
import { MLP } from '../train/settings.js';

function parse(spec: string): FitOptions {
  const options: Record<string, unknown> = { ...MLP };
  for (const pair of spec.split(',').filter(Boolean)) {
    const [key, value] = pair.split('=');
    if (!key || value === undefined || !(key in MLP)) throw new Error(`unknown setting ${pair}`);
    options[key] = Number(value);
  }
  return options as unknown as FitOptions;
}

const { train, calibration, validation, perDataset, frozen } = earlySplit((dataset) => collectLists(dataset, 'early'));
for (const spec of process.argv.slice(2).length ? process.argv.slice(2) : ['']) {
  const started = performance.now();
  const result = fitListwise(train, validation, FEATURE_COUNT, { ...parse(spec), frozen }, calibration);
  const parts = perDataset.map(
    ({ name, validation: lists }) => `${name.split('-')[0]} ${meanReciprocalRank(result.model, lists).toFixed(4)}`,
  );
  console.log(
    `${spec || 'shipped MLP'}: validation MRR ${result.validationMrr.toFixed(4)} at epoch ${result.bestEpoch}; ${parts.join(', ')} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}
