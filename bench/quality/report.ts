import type { RankerResult } from './evaluate.js';
import type { QualityDataset, Split } from './types.js';

/** The splits printed, in order, with the words that say what each one is for. */
const SPLITS: readonly [Split | 'all', string][] = [
  ['late', 'late (report)'],
  ['early', 'early (tuning/prior training)'],
  ['all', 'all'],
];

/** A markdown section for one dataset: the protocol, the split, and one row per ranker per split. */
export function datasetReport(dataset: QualityDataset, results: readonly RankerResult[]): string {
  const cut = dataset.cutoffs;
  const head = ['ranker', 'split', 'lists', 'MRR', ...cut.map((k) => `HR@${k}`), ...cut.map((k) => `NDCG@${k}`)];
  const lines = [
    `### ${dataset.name}`,
    '',
    `Protocol: ${dataset.protocol}.`,
    `Split: lists before ${new Date(dataset.splitTime).toISOString()} are \`early\`, the rest \`late\`.`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
  ];
  for (const [split, label] of SPLITS) {
    for (const r of results) {
      const m = r.bySplit[split];
      const cells = [
        r.ranker,
        label,
        String(m.lists),
        f(m.mrr),
        ...cut.map((k) => f(m.hr[k])),
        ...cut.map((k) => f(m.ndcg[k])),
      ];
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  const checked = results.filter((r) => r.suppression.lists > 0);
  if (checked.length > 0) {
    lines.push(
      '',
      `Purchase suppression (all splits): lists holding an item the visitor already bought, and how often one sat in the top ${checked[0]!.suppression.k}:`,
    );
    for (const r of checked) lines.push(`- ${r.ranker}: ${r.suppression.violations} of ${r.suppression.lists}`);
  }
  lines.push('', `Time: ${results.map((r) => `${r.ranker} ${r.seconds.toFixed(1)} s`).join(', ')}.`, '');
  return lines.join('\n');
}

function f(x: number | undefined): string {
  return x === undefined ? '-' : x.toFixed(3);
}

/** The LODO table's header: what every row's prior and table were fitted on, and the sampling. */
export function lodoHeader(dir: string, maxLists: number): string[] {
  return [
    '## Inkling ranking quality, leave-one-dataset-out (LODO)',
    '',
    `Datasets: ${dir}. Every dataset is split at its median list time; only \`late\` lists are scored ` +
      `(at most ${maxLists} per dataset: beyond that, every k-th visitor with a late list, whole).`,
    'What was fitted on what, for the scored dataset X:',
    '- *LODO prior*: the logistic prior fitted on the four other datasets only (their lists from the median of ' +
      'their early split on); its settings (train/settings.ts: epochs, learning rate, L2, the hand-set taste ' +
      'weights) are the same for every fit and were not chosen on X. No neighbour table: a site with no files.',
    "- *site neighbours*: the neighbour table (contract format, minCount 2, k 50) built from X's events before " +
      'the split, as `inkling train` would build it from the earlier log; the co-occurrence peer uses the same table.',
    "- *site-trained*: a prior fitted on X's early lists only (from the median of its early split on, their " +
      'neighbour features from a table of the events before that median) plus the table above.',
    '- *IN-SAMPLE*: the prior that ships, fitted on all five datasets, X included (not an out-of-sample figure).',
    '- Baselines use only the past: popularity counts distinct visitors before the list; "this session" ends ' +
      'after 30 minutes without an engagement. Slots of logs without a display order rank with `order: none`.',
    '',
    '| dataset | ranker | lists | MRR ± SE | HR@k ± SE |',
    '| --- | --- | --- | --- | --- |',
  ];
}

/** One row per ranker for a dataset's late lists: MRR and HR at the dataset's largest cutoff, with standard errors. */
export function lodoRows(dataset: QualityDataset, results: readonly RankerResult[]): string[] {
  const k = Math.max(...dataset.cutoffs);
  return results.map((r) => {
    const m = r.bySplit.late;
    return `| ${dataset.name} | ${r.ranker} | ${m.lists} | ${f(m.mrr)} ± ${f(m.mrrSe)} | HR@${k} ${f(m.hr[k])} ± ${f(m.hrSe[k])} |`;
  });
}
