// Writes a bench's current table into docs/performance.md, between the markers
// `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`; the rest of the page is left as it is.
// Benches call it with `--write-docs`; the old figures stay in git history.
// CLI: `node bench/x.mjs | node scripts/bench-docs.mjs NAME` replaces the section with standard input.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

export const PERFORMANCE_DOC = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

/** True when the bench was asked to write its section (`--write-docs`). */
export const wantsDocs = (argv = process.argv) => argv.includes('--write-docs');

/**
 * Replaces the section `name` with `markdown`, stamped with the command that made it, the day and the
 * machine's load (figures from a loaded machine read differently).
 * @param {string} name
 * @param {string} markdown
 * @param {string} command
 * @param {string} [file]
 */
export function writeBenchSection(name, markdown, command, file = PERFORMANCE_DOC) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const page = readFileSync(file, 'utf8');
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no section ${start} … ${end}`);
  const day = new Date().toISOString().slice(0, 10);
  const load = loadavg()[0].toFixed(1);
  const stamp = `_Regenerate: \`${command}\` (last written ${day}, load average ${load})._`;
  writeFileSync(file, replaceSection(page, start, end, `${stamp}\n\n${markdown.trim()}`));
  console.log(`wrote section "${name}" of ${file}`);
}

/**
 * The page with `text` between `start` and `end` (added at the end of the page when they are missing).
 * @param {string} page
 * @param {string} start
 * @param {string} end
 * @param {string} text
 */
export function replaceSection(page, start, end, text) {
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  const section = `${start}\n${text.trim()}\n${end}`;
  if (from === -1 || to < from) return `${page.trimEnd()}\n\n${section}\n`;
  return page.slice(0, from) + section + page.slice(to + end.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [name, command = `(piped into scripts/bench-docs.mjs ${process.argv[2]})`] = process.argv.slice(2);
  if (!name) throw new Error('usage: node scripts/bench-docs.mjs NAME ["command that regenerates it"] < table.md');
  writeBenchSection(name, readFileSync(0, 'utf8'), command);
}
