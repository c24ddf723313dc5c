/**
 * Candidate features tried on the EARLY split only, without touching worker/features.ts: each candidate
 * is computed here from the events the engine receives (the same replay events, folded in order) and the
 * listed items' attributes, appended to the engine's rows, and the MLP is fitted and validated exactly as
 * train-prior.ts does (first 80 % of the early lists train, last 20 % validate). Prints the validation MRR
 * per dataset and, for trivago, by what the visitor had engaged with in the list. The late split is never
 * read. The list-order candidates (sortPrice, ...) read trivago's `current_filters`, which the SDK does not
 * receive: they measure what a list-level context option (the visitor's chosen sort) would be worth before
 * anyone adds one. The candidates and their collection live in train/candidates.ts (shared with
 * dump-features.ts). Usage (after `npx rollup -c bench/quality/rollup.config.mjs`):
 *   node bench/dist/quality/try-features.mjs                      the engine's features alone
 *   node bench/dist/quality/try-features.mjs secondsAgo,nearClick seed=8
 *   node bench/dist/quality/try-features.mjs skipped,clickDepth hidden=32 --trivago-only
 */
import { FEATURE_COUNT } from '../../../worker/features.js';
import { FEATURE_INDEX } from '../feature-index.js';
import { CANDIDATES, collectWithCandidates } from './candidates.js';
import { fitListwise, meanReciprocalRank } from '../train/fit.js';
import { earlySplit } from '../train/early-split.js';
import { MLP } from '../train/settings.js';

const args = process.argv.slice(2);
const names = (args.find((a) => !a.includes('=') && !a.startsWith('--')) ?? '').split(',').filter(Boolean);
for (const name of names)
  if (!(name in CANDIDATES)) throw new Error(`unknown candidate ${name}; known: ${Object.keys(CANDIDATES).join(', ')}`);
// --trivago-only: fit and validate on trivago alone, as train-prior.ts --trivago-only does.
const trivagoOnly = args.includes('--trivago-only');
const settings = Object.fromEntries(
  args.filter((a) => a.includes('=')).map((a) => [a.split('=')[0]!, Number(a.split('=')[1])]),
);
const width = FEATURE_COUNT + names.length;
const { train, calibration, validation, perDataset, frozen } = earlySplit(
  (dataset) => collectWithCandidates(dataset, names),
  { trivagoOnly },
);
const result = fitListwise(train, validation, width, { ...MLP, ...settings, frozen }, calibration);
const parts = perDataset.map(
  ({ name, validation: lists }) => `${name.split('-')[0]} ${meanReciprocalRank(result.model, lists).toFixed(4)}`,
);
console.log(
  `[${names.join(',') || 'engine features only'}] ${JSON.stringify(settings)}: validation MRR ${result.validationMrr.toFixed(4)} at epoch ${result.bestEpoch}; ${parts.join(', ')}`,
);

// Trivago's validation lists by what the visitor had engaged with in the list, against the display order.
const groups = new Map<string, { n: number; model: number; display: number }>();
for (const list of perDataset[0]!.validation) {
  const f = (i: number, name: keyof typeof FEATURE_INDEX): number => list.rows[i * width + FEATURE_INDEX[name]]!;
  let last = -1;
  for (let i = 0; i < list.count; i++) if (f(i, 'listRecencyRank') === 1) last = i;
  const target = list.target;
  const key =
    last < 0
      ? 'no history'
      : `${f(last, 'listLastClicked') === 1 ? 'last clicked' : 'last viewed'}, ${last === target ? 'target = it' : f(target, 'listRecencyRank') > 0 ? 'target engaged earlier' : 'target new'}`;
  const g = groups.get(key) ?? { n: 0, model: 0, display: 0 };
  g.n++;
  g.model += meanReciprocalRank(result.model, [list]);
  g.display += 1 / (target + 1);
  groups.set(key, g);
}
for (const [key, g] of [...groups].sort())
  console.log(
    `  ${key.padEnd(36)} ${String(g.n).padStart(5)} lists: model ${(g.model / g.n).toFixed(3)}, display ${(g.display / g.n).toFixed(3)}`,
  );
