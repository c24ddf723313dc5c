#!/usr/bin/env node
// `inkling train ...`: runs the bundled CLI, building it first in a clone of the repository (where dist/
// is not committed) or when a source file is newer than the bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${here}dist/cli.mjs`;

function newestSource() {
  const dirs = [`${here}src`, `${here}sql`].filter(existsSync);
  return Math.max(...dirs.flatMap((dir) => readdirSync(dir).map((name) => statSync(`${dir}/${name}`).mtimeMs)));
}

if (existsSync(`${here}build.mjs`) && (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource())) {
  const { build } = await import(`${here}build.mjs`);
  await build();
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
