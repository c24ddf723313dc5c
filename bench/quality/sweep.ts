/**
 * MLP hyper-parameter sweep on the EARLY split only (the same train/validation cut as train-prior.ts):
 * prints each setting's validation MRR overall and per dataset; nothing is written. The late split is
 * never read. Usage: node bench/dist/quality/sweep.mjs 'hidden=32,epochs=30' 'learningRate=0.002' ...
 */
import { FEATURE_COUNT, FEATURE_INDEX } from '../../worker/features.js';
import { requireDatasetsDir } from './datasets/paths.js';
import { loadRees46 } from './datasets/rees46.js';
import { loadTaobao } from './datasets/taobao.js';
import { loadTrivago } from './datasets/trivago.js';
import { collectLists, type FeatureList } from './train/collect.js';
import { fitListwise, meanReciprocalRank, type FitOptions } from './train/fit.js';
import { HAND_SET, MLP } from './train/settings.js';

function parse(spec: string): FitOptions {
  const options: Record<string, unknown> = { ...MLP };
  for (const pair of spec.split(',').filter(Boolean)) {
    const [key, value] = pair.split('=');
    if (!key || value === undefined || !(key in MLP)) throw new Error(`unknown setting ${pair}`);
    options[key] = Number(value);
  }
  return options as unknown as FitOptions;
}

const dir = requireDatasetsDir();
const train: FeatureList[] = [];
const calibration: FeatureList[] = [];
const validation: FeatureList[] = [];
const perDataset: [string, FeatureList[]][] = [];
for (const [index, dataset] of [loadTrivago(dir), loadRees46(dir), loadTaobao(dir)].entries()) {
  const lists = collectLists(dataset, 'early');
  const cut = Math.floor(lists.length * 0.8);
  train.push(...lists.slice(0, cut));
  if (index === 0) calibration.push(...lists.slice(0, cut));
  validation.push(...lists.slice(cut));
  perDataset.push([dataset.name, lists.slice(cut)]);
}
const frozen = new Map(Object.entries(HAND_SET).map(([name, value]) => [FEATURE_INDEX[name as keyof typeof FEATURE_INDEX], value as number]));
for (const spec of process.argv.slice(2).length ? process.argv.slice(2) : ['']) {
  const started = performance.now();
  const result = fitListwise(train, validation, FEATURE_COUNT, { ...parse(spec), frozen }, calibration);
  const parts = perDataset.map(([name, lists]) => `${name.split('-')[0]} ${meanReciprocalRank(result.model, lists).toFixed(4)}`);
  console.log(`${spec || 'shipped MLP'}: validation MRR ${result.validationMrr.toFixed(4)} at epoch ${result.bestEpoch}; ${parts.join(', ')} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
