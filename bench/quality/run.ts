/**
 * Offline quality run (issue 4): replays the shared datasets through the baselines (and, when present,
 * the engine) and prints one markdown table per dataset. Usage: see bench/quality/README.md.
 */
import { writeFileSync } from 'node:fs';
import { originalOrder, popularityOrder, recentlyInteractedFirst } from './baselines.js';
import { requireDatasetsDir } from './datasets/paths.js';
import { loadRees46 } from './datasets/rees46.js';
import { loadTaobao } from './datasets/taobao.js';
import { loadTrivago } from './datasets/trivago.js';
import { evaluate, type RankerResult } from './evaluate.js';
import { datasetReport } from './report.js';
import type { QualityDataset, Ranker } from './types.js';

const LOADERS: Readonly<Record<string, (dir: string) => QualityDataset>> = {
  trivago: loadTrivago,
  rees46: loadRees46,
  taobao: loadTaobao,
};

/** The rankers compared on every dataset; each call makes fresh ones. */
function rankers(): Ranker[] {
  return [originalOrder(), popularityOrder(), recentlyInteractedFirst()];
}

async function main(argv: readonly string[]): Promise<void> {
  const only = option(argv, '--datasets')?.split(',') ?? Object.keys(LOADERS);
  const out = option(argv, '--out');
  const dir = requireDatasetsDir();
  const sections = [`## Inkling offline quality (${new Date().toISOString()})`, '', `Datasets: ${dir}`, ''];
  for (const key of only) {
    const load = LOADERS[key];
    if (!load) throw new Error(`unknown dataset ${key}; known: ${Object.keys(LOADERS).join(', ')}`);
    const dataset = load(dir);
    const results: RankerResult[] = [];
    for (const ranker of rankers()) results.push(await evaluate(dataset, ranker));
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

await main(process.argv.slice(2));
