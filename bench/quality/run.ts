/**
 * `npm run bench:quality`: the leave-one-dataset-out (LODO) quality table for every shared dataset in one
 * run, with the baselines and the site-trained rows (issue 19). Usage and rules: bench/quality/README.md.
 */
import { writeFileSync } from 'node:fs';
import type { Recipe } from '../../common/types.js';
import { DEFAULT_RECIPE } from '../../worker/recipe/defaults.js';
import type { ModelWeights } from '../../worker/model/weights.js';
import { requireDatasetsDir } from '../datasets-dir.mjs';
import {
  coOccurrence,
  originalOrder,
  popularityOrder,
  recentlyInteractedFirst,
  recentlyInteractedFirstWithoutBought,
  sessionRecency,
} from './baselines.js';
import { engineRanker } from './engine-ranker.js';
import { evaluate, type RankerResult } from './evaluate.js';
import { fitPrior, prepare, type PreparedDataset } from './lodo.js';
import { lodoHeader, lodoRows } from './report.js';
import { lateOnly } from './subsample.js';
import { LOADERS } from './loaders.js';
import type { Ranker } from './types.js';

/** Late lists scored per dataset at most; beyond it whole visitors are kept by a fixed stride. */
const MAX_LATE_LISTS = Number(process.env['INKLING_QUALITY_MAX_LISTS'] ?? 2500);

/**
 * The default recipe with a share for `similar`, the one strategy that reads the visitor's taste directly
 * rather than through the model's columns: `INKLING_QUALITY_TASTE=1` scores only it and the default recipe
 * (LODO prior), to compare ways of keeping taste (docs/model.md, "One taste model").
 */
const TASTE_RECIPE: Recipe = {
  ...DEFAULT_RECIPE,
  strategies: [
    { use: 'personal', weight: 0.7 },
    { use: 'similar', weight: 0.3 },
  ],
};

function rankers(x: PreparedDataset, lodo: ModelWeights, site: ModelWeights, all: ModelWeights): Ranker[] {
  const recipe = DEFAULT_RECIPE;
  if (process.env['INKLING_QUALITY_TASTE'])
    return [
      engineRanker({ name: 'Inkling default recipe (LODO prior)', recipe, engine: { prior: lodo } }),
      engineRanker({
        name: 'Inkling personal 0.7 + similar 0.3 (LODO prior)',
        recipe: TASTE_RECIPE,
        engine: { prior: lodo },
      }),
    ];
  return [
    originalOrder(),
    popularityOrder(),
    recentlyInteractedFirst(),
    sessionRecency(),
    recentlyInteractedFirstWithoutBought(),
    coOccurrence(x.table),
    engineRanker({ name: 'Inkling default recipe (LODO prior)', recipe, engine: { prior: lodo } }),
    engineRanker({
      name: 'Inkling default, LODO prior + site neighbours',
      recipe,
      engine: { prior: lodo, neighbours: x.table },
    }),
    engineRanker({
      name: 'Inkling default, site-trained (own early prior + neighbours)',
      recipe,
      engine: { prior: site, neighbours: x.table },
    }),
    engineRanker({ name: 'Inkling default, shipped prior (IN-SAMPLE)', recipe, engine: { prior: all } }),
  ];
}

async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const only = option(argv, '--datasets')?.split(',') ?? Object.keys(LOADERS);
  const out = option(argv, '--out');
  const dir = requireDatasetsDir();
  const prepared = new Map<string, PreparedDataset>();
  for (const [key, load] of Object.entries(LOADERS)) prepared.set(key, prepare(load(dir)));
  const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
  const all = fitPrior([...prepared.values()].map((p) => p.fitLists));
  const lines = lodoHeader(dir, MAX_LATE_LISTS);
  process.stdout.write(lines.join('\n') + '\n');
  for (const key of only) {
    const x = prepared.get(key);
    if (!x) throw new Error(`unknown dataset ${key}; known: ${Object.keys(LOADERS).join(', ')}`);
    const lodo = fitPrior([...prepared].filter(([k]) => k !== key).map(([, p]) => p.fitLists));
    const site = fitPrior([x.earlyFitLists]);
    if (process.env['INKLING_QUALITY_WEIGHTS']) {
      for (const [name, w] of [
        ['LODO', lodo],
        ['site', site],
      ] as const) {
        const named = w.features.map((f, i) => `${f} ${w.layers[0]!.weights[i]}`).join(', ');
        console.error(`${key} ${name} prior: ${named}; bias ${w.layers[0]!.bias[0]}`);
      }
    }
    const scored = lateOnly(x.dataset, MAX_LATE_LISTS);
    const results: RankerResult[] = [];
    const pick = process.env['INKLING_QUALITY_RANKERS'];
    for (const ranker of rankers(x, lodo, site, all))
      if (!pick || ranker.name.includes(pick) || !ranker.name.startsWith('Inkling'))
        results.push(await evaluate(scored, ranker));
    const rows = lodoRows(scored, results);
    process.stdout.write(rows.join('\n') + '\n');
    lines.push(...rows);
  }
  const closing = [
    '',
    `Command: \`npm run bench:quality\` (${seconds()} s on this machine). ` +
      'Rows marked IN-SAMPLE used a prior fitted on all five datasets, the scored one included (the prior that ships).',
  ];
  process.stdout.write(closing.join('\n') + '\n');
  if (out) writeFileSync(out, [...lines, ...closing].join('\n') + '\n');
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
