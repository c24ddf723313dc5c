/**
 * Writes trivago's EARLY split lists, cut as every tuning script cuts them (train/early-split.ts: first
 * 80 % train, last 20 % validate), to one CSV for a learner outside this repository
 * (bench/quality/ceiling.py). One row per (list, item): split, list id, the item's position in the
 * site's order, the list's length, label (1 = the item chosen), the engine's `FEATURE_COUNT` features
 * (worker/features.ts) and every try-features candidate (train/candidates.ts), named in the header. The
 * late split is never read. Beside it, `<file>.json` says how many columns are the engine's and which
 * candidates read trivago's `current_filters`, so that ceiling.py keeps no copy of either. Write it
 * outside the repository (the dataset's licence is research use):
 *   npx rollup -c bench/quality/rollup.config.mjs
 *   node bench/dist/quality/dump-features.mjs /tmp/trivago-early.csv
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { FEATURE_COUNT, FEATURE_NAMES } from '../../../worker/features.js';
import { CANDIDATES, collectWithCandidates, LIST_ORDER_CANDIDATES } from './candidates.js';
import type { FeatureList } from '../train/collect.js';
import { earlySplit } from '../train/early-split.js';

const out = process.argv[2] ?? '/tmp/trivago-early-features.csv';
const names = Object.keys(CANDIDATES);
const width = FEATURE_COUNT + names.length;
const { perDataset } = earlySplit((dataset) => collectWithCandidates(dataset, names), { trivagoOnly: true });
const { train, validation } = perDataset[0]!;

const stream = createWriteStream(out);
stream.write(['split', 'list', 'position', 'count', 'label', ...FEATURE_NAMES, ...names].join(',') + '\n');
// Plain decimal text of the float32 values: a round trip through Float32Array gives back the same numbers.
const format = (x: number): string => (x === 0 ? '0' : String(x));
let id = 0;
let rows = 0;
const dump = (split: string, lists: readonly FeatureList[]): void => {
  for (const list of lists) {
    let chunk = '';
    for (let i = 0; i < list.count; i++) {
      const values = Array.from(list.rows.subarray(i * width, (i + 1) * width), format);
      chunk += `${split},${id},${i},${list.count},${i === list.target ? 1 : 0},${values.join(',')}\n`;
    }
    stream.write(chunk);
    rows += list.count;
    id++;
  }
};
dump('train', train);
dump('validation', validation);
writeFileSync(
  `${out}.json`,
  JSON.stringify({
    engineFeatures: FEATURE_COUNT,
    listOrderCandidates: LIST_ORDER_CANDIDATES.filter((name) => names.includes(name)),
  }),
);
stream.end(() =>
  console.log(
    `${out}: ${train.length} train and ${validation.length} validation lists (trivago early split), ${rows} rows, ${FEATURE_COUNT} engine features + ${names.length} candidates`,
  ),
);
