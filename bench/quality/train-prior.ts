/**
 * Learns the engine's prior weights offline from the EARLY splits of trivago-100k, rees46 and taobao and
 * writes `worker/model/prior.json` plus both variants under `bench/quality/priors/` (for the ablations).
 * Deterministic: same data, same seed, same file (`npm run bench:prior`). See bench/quality/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FEATURE_COUNT, FEATURE_INDEX, FEATURE_NAMES } from '../../worker/features.js';
import type { ModelWeights } from '../../worker/model/weights.js';
import { collectLists, type FeatureList } from './train/collect.js';
import { earlySplit } from './train/early-split.js';
import { fitListwise, meanReciprocalRank } from './train/fit.js';
import { toWeights } from './train/model.js';
import { LOGISTIC, MLP } from './train/settings.js';

/** Simple scoring rules over the same feature rows, to put the fitted models' validation figures in context. */
const REFERENCE_SCORES: Readonly<Record<string, (row: Float32Array, at: number) => number>> = {
  'display order': (row, at) => row[at + FEATURE_INDEX.positionPrior]!,
  'recently engaged first': (row, at) => 100 * row[at + FEATURE_INDEX.recencyRank]! + row[at + FEATURE_INDEX.positionPrior]!,
};

function listMrr(lists: readonly FeatureList[], score: (row: Float32Array, at: number) => number): number {
  let total = 0;
  for (const list of lists) {
    const scores = Array.from({ length: list.count }, (_, i) => score(list.rows, i * FEATURE_COUNT));
    const target = scores[list.target]!;
    total += 1 / (1 + scores.filter((s, i) => s > target || (s === target && i < list.target)).length);
  }
  return total / Math.max(1, lists.length);
}

async function main(): Promise<void> {
  // Run from the repository root (the bundle itself lives in /tmp).
  const root = process.env['INKLING_REPO'] ?? process.cwd();
  // By default the early splits of all three datasets teach the prior: trivago alone has no categories,
  // no long gaps between visits and always a meaningful display order. --trivago-only for comparison.
  const joint = !process.argv.includes('--trivago-only');
  const { train, calibration, validation, perDataset, frozen } = earlySplit((dataset) => collectLists(dataset, 'early'), { trivagoOnly: !joint });
  for (const dataset of perDataset) {
    console.log(`${dataset.name} early split: ${dataset.train.length + dataset.validation.length} lists (${dataset.train.length} train, ${dataset.validation.length} validation)`);
    for (const [name, score] of Object.entries(REFERENCE_SCORES)) console.log(`  validation MRR of ${name}: ${listMrr(dataset.validation, score).toFixed(4)}`);
  }
  const fits: Record<'logistic' | 'mlp', ModelWeights> = {} as Record<'logistic' | 'mlp', ModelWeights>;
  for (const options of [{ ...LOGISTIC, frozen }, { ...MLP, frozen }]) {
    const started = performance.now();
    const result = fitListwise(train, validation, FEATURE_COUNT, options, calibration);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${options.kind}: validation MRR ${result.validationMrr.toFixed(4)} at epoch ${result.bestEpoch} (${seconds} s)`);
    for (const { name, validation: lists } of perDataset) console.log(`  ${name}: validation MRR ${meanReciprocalRank(result.model, lists).toFixed(4)}`);
    for (const h of result.history) console.log(`  epoch ${h.epoch}: train loss ${h.trainLoss.toFixed(4)}, validation MRR ${h.validationMrr.toFixed(4)}`);
    fits[options.kind] = toWeights(result.model, FEATURE_NAMES, frozen);
  }
  const write = (path: string, weights: ModelWeights): void => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(weights, null, 1) + '\n');
    console.log(`wrote ${path}`);
  };
  const prefix = joint ? '' : 'trivago-only-';
  write(resolve(root, `bench/quality/priors/${prefix}logistic.json`), fits.logistic);
  write(resolve(root, `bench/quality/priors/${prefix}mlp.json`), fits.mlp);
  if (!joint) return;
  // The MLP ships: it ranks better on every dataset's late split, and the plain-JS forward pass scores
  // 1,000 items in well under a millisecond, inside the ranking budget (docs/model.md, "Model").
  // INKLING_PRIOR_KIND=logistic ships the logistic instead (the quality report's ablation row).
  const kind = process.env['INKLING_PRIOR_KIND'] ?? 'mlp';
  if (kind !== 'mlp' && kind !== 'logistic') throw new Error(`INKLING_PRIOR_KIND must be "mlp" or "logistic", not "${kind}"`);
  const shipped = fits[kind];
  write(resolve(root, 'worker/model/prior.json'), shipped);
  const named = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, shipped.layers[0]!.weights[i]]));
  if (shipped.kind === 'logistic') console.log('shipped logistic weights:', named);
}

// Not a top-level await: the bundle inlines lazily imported modules (TF.js) after this line, and
// they must be defined before main() first awaits.
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
