// Prints min+gzip sizes of the built bundles and fails when one is over its budget (budgets: ../shared/DESIGN.md).
// A bundle known to be over its budget has a ceiling instead (today's size): it is printed as OVER, and the
// run fails only if it grows past the ceiling, so that nothing is added there while it is trimmed.
// `--write-docs` also writes the table into docs/performance.md.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { wantsDocs, writeBenchSection } from './bench-docs.mjs';

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
    // Over since validation, suppression on every fallback and call deadlines landed (issue 20). Where the bytes
    // are: `node scripts/module-bytes.mjs` (docs/performance.md, size-modules); ceilings held at today's sizes.
    {
      name: 'inkling.js',
      what: 'script-tag loader (main thread)',
      kb: gzipKb(['inkling.js']),
      maxKb: 7,
      ceilingKb: 8.15,
    },
    // Every tag page also loads the tracking module (and the chunk it shares with the panel) once its first ranking has started.
    {
      name: 'inkling.js + inkling-track.js',
      what: 'all the tag loads on the main thread',
      kb: gzipKb([...new Set(['inkling.js', ...withImports('inkling-track.js')])]),
      maxKb: 10,
      ceilingKb: 10.25,
    },
    { name: worker, what: 'worker to first ranking (engine + idb)', kb: gzipKb([worker]), maxKb: 45 },
    {
      name: `${worker} + ${everything.length - 1} lazy chunk(s)`,
      what: 'worker with the custom TF.js trainer',
      kb: gzipKb(everything),
      maxKb: 45,
    },
  ];
}

/** The sizes as the markdown table docs/performance.md shows. */
export function sizeTable(rows = measure()) {
  const lines = ['| bundle | what | min+gzip | budget |', '| --- | --- | --- | --- |'];
  for (const row of rows)
    lines.push(
      `| \`${row.name}\` | ${row.what} | ${row.kb.toFixed(2)} KB | ${row.maxKb === undefined ? '—' : `${row.maxKb} KB`} |`,
    );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  const rows = measure();
  for (const row of rows) {
    const ok = row.maxKb === undefined || row.kb <= row.maxKb;
    over ||= !ok && !(row.ceilingKb !== undefined && row.kb <= row.ceilingKb);
    const held =
      !ok && row.ceilingKb !== undefined ? `; over budget, held at most ${row.ceilingKb} KB until trimmed` : '';
    const budget = row.maxKb === undefined ? row.what : `budget ${row.maxKb} KB${held}: ${row.what}`;
    console.log(
      `${row.maxKb === undefined ? '    ' : ok ? 'ok  ' : 'OVER'} ${row.name.padEnd(38)} ${row.kb.toFixed(2).padStart(6)} KB min+gzip  (${budget})`,
    );
  }
  if (wantsDocs()) writeBenchSection('size', sizeTable(rows), 'npm run build && node scripts/size.mjs --write-docs');
  process.exitCode = over ? 1 : 0;
}
