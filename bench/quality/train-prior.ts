/**
 * `npm run bench:prior`: fits the prior that ships on ALL five shared datasets (their fitting lists, see
 * lodo.ts `prepare`) with the same settings the LODO table uses, and writes `worker/model/prior.json`.
 * Also writes bench/quality/priors/{logistic,mlp}.json (the MLP for the speed bench). Deterministic: same data, same file. The quality table scores each dataset with a prior fitted
 * without it; this one is the in-sample row there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { requireDatasetsDir } from '../datasets-dir.mjs';
import { fitPrior, prepare } from './lodo.js';
import { LOADERS } from './loaders.js';
import { MLP } from './train/settings.js';

function main(): void {
  const root = process.env['INKLING_REPO'] ?? process.cwd();
  const dir = requireDatasetsDir();
  const groups = Object.entries(LOADERS).map(([name, load]) => {
    const { fitLists } = prepare(load(dir));
    console.log(`${name}: ${fitLists.length} fitting lists`);
    return fitLists;
  });
  const weights = fitPrior(groups);
  const path = resolve(root, 'worker/model/prior.json');
  writeFileSync(path, JSON.stringify(weights, null, 1) + '\n');
  // Both kinds beside it for the speed bench and the tests of the MLP path (the logistic one ships).
  mkdirSync(resolve(root, 'bench/quality/priors'), { recursive: true });
  writeFileSync(resolve(root, 'bench/quality/priors/logistic.json'), JSON.stringify(weights, null, 1) + '\n');
  writeFileSync(resolve(root, 'bench/quality/priors/mlp.json'), JSON.stringify(fitPrior(groups, MLP), null, 1) + '\n');
  const named = Object.fromEntries(weights.features.map((name, i) => [name, weights.layers[0]!.weights[i]]));
  console.log(`wrote ${path}:`, named, 'bias', weights.layers[0]!.bias[0]);
}

main();
