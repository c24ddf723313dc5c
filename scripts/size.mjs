// Prints min+gzip sizes of the built bundles and fails when one is over its budget (budgets: ../shared/DESIGN.md).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** min+gzip size in KB (rollup already minified the bundles). */
function gzipKb(files) {
  return files.reduce((total, file) => total + gzipSync(readFileSync(dist + file), { level: 9 }).length, 0) / 1024;
}

/** A module and every chunk it imports, statically or lazily (relative specifiers only). */
function withImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(dist + file, 'utf8');
  for (const [, specifier] of source.matchAll(/(?:import|from)\s*\(?\s*["'](\.\/[^"']+)["']/g)) {
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    withImports(new URL(specifier, `file:///${base}`).pathname.slice(1), seen);
  }
  return seen;
}

export function measure() {
  const worker = 'inkling.worker.js';
  const everything = [...withImports(worker)];
  return [
    { name: 'inkling.js', what: 'script-tag loader (main thread)', kb: gzipKb(['inkling.js']), maxKb: 7 },
    // Every tag page also loads the tracking module once its first ranking has started: reported, not budgeted.
    { name: 'inkling.js + inkling-track.js', what: 'all the tag loads on the main thread', kb: gzipKb(['inkling.js', 'inkling-track.js']) },
    { name: worker, what: 'worker to first ranking (engine + idb + comlink)', kb: gzipKb([worker]), maxKb: 45 },
    { name: `${worker} + ${everything.length - 1} lazy chunk(s)`, what: 'worker with the custom TF.js trainer', kb: gzipKb(everything), maxKb: 45 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const row of measure()) {
    const ok = row.maxKb === undefined || row.kb <= row.maxKb;
    over ||= !ok;
    const budget = row.maxKb === undefined ? row.what : `budget ${row.maxKb} KB: ${row.what}`;
    console.log(`${row.maxKb === undefined ? '    ' : ok ? 'ok  ' : 'OVER'} ${row.name.padEnd(38)} ${row.kb.toFixed(2).padStart(6)} KB min+gzip  (${budget})`);
  }
  process.exitCode = over ? 1 : 0;
}
