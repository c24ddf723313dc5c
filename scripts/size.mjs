// Prints min+gzip sizes of the built bundles and fails when one is over its budget (docs/budgets in DESIGN.md).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const budgets = [
  { file: 'inkling.js', what: 'script-tag loader', maxKb: 6 },
  { file: 'inkling.worker.js', what: 'worker bundle (engine + idb + comlink + custom TF.js)', maxKb: 45 },
];

/** min+gzip size in KB (the bundles are already minified by rollup). */
export function gzipKb(file) {
  return gzipSync(readFileSync(dist + file), { level: 9 }).length / 1024;
}

export function checkSizes() {
  return budgets.map((budget) => ({ ...budget, kb: gzipKb(budget.file) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const row of checkSizes()) {
    const ok = row.kb <= row.maxKb;
    over ||= !ok;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${row.file.padEnd(20)} ${row.kb.toFixed(1).padStart(6)} KB min+gzip  (budget ${row.maxKb} KB: ${row.what})`);
  }
  process.exitCode = over ? 1 : 0;
}
