#!/usr/bin/env node
// `inkling train ...`: runs the bundled CLI, building it first in a clone of the repository (where dist/
// is not committed) or when a source file (the CLI's, or the engine and bench code it bundles) is newer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${here}dist/cli.mjs`;

/** The newest modification time among the files the bundle is built from (its own and the repository's). */
function newestSource() {
  const dirs = ['src', 'sql', '../../common', '../../worker', '../../bench/quality']
    .map((dir) => `${here}${dir}`)
    .filter(existsSync);
  return Math.max(
    ...dirs.flatMap((dir) => readdirSync(dir, { recursive: true }).map((name) => statSync(`${dir}/${name}`).mtimeMs)),
  );
}

if (existsSync(`${here}build.mjs`) && (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource())) {
  // In a child process: the compiler's memory is then given back before the run starts, not held beside it.
  const built = spawnSync(process.execPath, [`${here}build.mjs`], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write(`inkling train: building ${bundle} failed (exit ${built.status})\n`);
    process.exit(1);
  }
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
