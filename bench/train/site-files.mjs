// Runs `inkling train` on the earlier part of every shared dataset (events strictly before the quality
// bench's split time, see bench/train/datasets.mjs) and writes bench/results/site/<dataset>/
// {model.json,neighbours.json}, checked against the contract, for the quality bench to score the later
// part with. Usage: node bench/train/site-files.mjs [--datasets a,b] [--out bench/results/site]
//   [--split-times times.json]   (per dataset, the split in ms since epoch: the quality bench's exact
//                                 `splitTime`; default: the median next-item list time computed here)
// Prints one line per dataset: rows used, split time, items with neighbours, lists fitted, seconds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireDatasetsDir } from '../datasets-dir.mjs';
import { DATASETS, writeEarlierPart } from './datasets.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const names = arg('--datasets', Object.keys(DATASETS).join(',')).split(',');
const outRoot = resolve(root, arg('--out', 'bench/results/site'));
const bin = join(root, 'packages/cli/bin/inkling.mjs');
const splitTimes = process.argv.includes('--split-times') ? JSON.parse(readFileSync(arg('--split-times'), 'utf8')) : {};

/** Runs the CLI on every dataset; returns false when one failed or wrote something invalid. */
export async function siteFiles() {
  const dir = requireDatasetsDir();
  const temp = mkdtempSync(join(tmpdir(), 'inkling-site-files-'));
  let ok = true;
  try {
    for (const name of names) {
      if (!DATASETS[name]) throw new Error(`unknown dataset ${name}: one of ${Object.keys(DATASETS).join(', ')}`);
      const csv = join(temp, `${name}.csv`);
      const { split, rows } = writeEarlierPart(name, csv, dir, splitTimes[name]);
      const out = join(outRoot, name);
      const started = performance.now();
      const run = spawnSync(process.execPath, [bin, 'train', csv, '--out', out, '--quiet'], { encoding: 'utf8' });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (run.status !== 0) {
        ok = false;
        console.log(`${name}: inkling train exited ${run.status}: ${run.stderr.trim()}`);
        continue;
      }
      // The bin has built dist/cli.mjs by now; it also exports the contract's checks.
      const { checkNeighbourTable, checkWeights } = await import(join(root, 'packages/cli/dist/cli.mjs'));
      const table = checkNeighbourTable(JSON.parse(readFileSync(join(out, 'neighbours.json'), 'utf8')));
      let model = 'no model.json (too few lists)';
      try {
        const weights = checkWeights(JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')));
        model = `model.json ${weights.kind}`;
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
      const items = Object.keys(table.neighbours).length;
      console.log(
        `${name}: ${rows} rows before ${new Date(split).toISOString()}; ${items} items with neighbours from ${table.sessions} sessions; ${model}; ${seconds} s -> ${out}`,
      );
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = (await siteFiles()) ? 0 : 1;
