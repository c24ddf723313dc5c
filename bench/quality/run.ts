/**
 * Offline quality run (issue 4): replays the shared datasets through the baselines (and, when present,
 * the engine) and prints one markdown table per dataset. Usage: see bench/quality/README.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkWeights, PRIOR_WEIGHTS, type ModelWeights } from '../../worker/model/weights.js';
import { DEFAULT_RECIPE } from '../../worker/recipe/index.js';
import { originalOrder, popularityOrder, recentlyInteractedFirst } from './baselines.js';
import { requireDatasetsDir } from './datasets/paths.js';
import { loadRees46 } from './datasets/rees46.js';
import { loadTaobao } from './datasets/taobao.js';
import { loadTrivago } from './datasets/trivago.js';
import { engineRanker } from './engine-ranker.js';
import { evaluate, type RankerResult } from './evaluate.js';
import { datasetReport } from './report.js';
import type { QualityDataset, Ranker } from './types.js';

const LOADERS: Readonly<Record<string, (dir: string) => QualityDataset>> = {
  trivago: loadTrivago,
  rees46: loadRees46,
  taobao: loadTaobao,
};

/**
 * The rankers compared on every dataset; each call makes fresh ones. The engine runs with the prior it
 * ships (worker/model/prior.json, the MLP) and in four ablations, one of them the other model kind
 * (bench/quality/priors/, written by train-prior.ts).
 */
function rankers(withEngine: boolean): Ranker[] {
  const baselines = [originalOrder(), popularityOrder(), recentlyInteractedFirst()];
  if (!withEngine) return baselines;
  const otherKind = PRIOR_WEIGHTS.kind === 'mlp' ? 'logistic' : 'mlp';
  const other = readPrior(`bench/quality/priors/${otherKind}.json`);
  return [
    ...baselines,
    engineRanker({ name: 'inkling' }),
    engineRanker({ name: 'inkling, default recipe', recipe: DEFAULT_RECIPE }),
    engineRanker({ name: 'inkling, no impressions', withoutImpressions: true }),
    engineRanker({ name: 'inkling, no on-device tuning', engine: { learn: false } }),
    ...(other ? [engineRanker({ name: `inkling, ${otherKind === 'mlp' ? 'MLP' : 'logistic'} prior`, engine: { prior: other } })] : []),
  ];
}

/** Reads prior weights from the repository (run from its root); `undefined` when the file is absent. */
function readPrior(path: string): ModelWeights | undefined {
  const file = resolve(process.cwd(), path);
  return existsSync(file) ? checkWeights(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  const only = option(argv, '--datasets')?.split(',') ?? Object.keys(LOADERS);
  const out = option(argv, '--out');
  const withEngine = !argv.includes('--baselines-only');
  // A comma-separated list of substrings of ranker names, for quick experiments.
  const pick = option(argv, '--rankers')?.split(',');
  const dir = requireDatasetsDir();
  const header = [
    `## Inkling offline quality (${new Date().toISOString()})`,
    '',
    'Command: `npm run bench:quality` (or `node bench/dist/quality/run.mjs` after `npx rollup -c bench/quality/rollup.config.mjs`).',
    `Datasets: ${dir}. Prior: worker/model/prior.json (${PRIOR_WEIGHTS.kind}, as shipped); the other kind's row uses bench/quality/priors/.`,
    'Both priors were fitted on the `early` split only (`npm run bench:prior`); read the `late (report)` rows.',
    '',
  ];
  process.stdout.write(header.join('\n') + '\n');
  const sections = [...header];
  for (const key of only) {
    const load = LOADERS[key];
    if (!load) throw new Error(`unknown dataset ${key}; known: ${Object.keys(LOADERS).join(', ')}`);
    const dataset = load(dir);
    const results: RankerResult[] = [];
    for (const ranker of rankers(withEngine)) {
      if (pick && !pick.some((p) => ranker.name.includes(p))) continue;
      results.push(await evaluate(dataset, ranker));
    }
    const section = datasetReport(dataset, results);
    process.stdout.write(section + '\n');
    sections.push(section);
  }
  if (out) writeFileSync(out, sections.join('\n'));
}

function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

// Not a top-level await: the bundle inlines lazily imported modules (TF.js) after this line, and
// they must be defined before main() first awaits.
main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
