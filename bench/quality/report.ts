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
      const cells = [r.ranker, label, String(m.lists), f(m.mrr), ...cut.map((k) => f(m.hr[k])), ...cut.map((k) => f(m.ndcg[k]))];
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  const checked = results.filter((r) => r.suppression.lists > 0);
  if (checked.length > 0) {
    lines.push('', `Purchase suppression (all splits): lists holding an item the visitor already bought, and how often one sat in the top ${checked[0]!.suppression.k}:`);
    for (const r of checked) lines.push(`- ${r.ranker}: ${r.suppression.violations} of ${r.suppression.lists}`);
  }
  lines.push('', `Time: ${results.map((r) => `${r.ranker} ${r.seconds.toFixed(1)} s`).join(', ')}.`, '');
  return lines.join('\n');
}

function f(x: number | undefined): string {
  return x === undefined ? '-' : x.toFixed(3);
}
