// Bundles the CLI (src/ plus the bench's fit and the engine's feature code it imports) into dist/cli.mjs.
// DuckDB stays external: it is this package's dependency and loads its native binding at run time.
// Written to a temp file and renamed, so two runs at once (parallel tests) never see half a bundle.
import { renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

/** Builds dist/cli.mjs; resolves to its path. */
export async function build() {
  const temp = `${here}dist/cli.${process.pid}.tmp.mjs`;
  const bundle = await rollup({
    input: `${here}src/main.ts`,
    external: (id) => id.startsWith('node:') || id.startsWith('@duckdb/'),
    plugins: [
      json(),
      nodeResolve({ preferBuiltins: true }),
      typescript({
        tsconfig: `${here}tsconfig.json`,
        include: [
          `${root}common/**/*.ts`,
          `${root}src/**/*.ts`,
          `${root}worker/**/*.ts`,
          `${root}bench/**/*.ts`,
          `${here}src/**/*.ts`,
          /\.json$/,
        ],
        compilerOptions: { noEmit: false, declaration: false, outDir: `${here}dist`, rootDir: root },
        noEmitOnError: false,
      }),
    ],
    onwarn: (warning, warn) =>
      ['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code) ? undefined : warn(warning),
  });
  await bundle.write({ file: temp, format: 'es', inlineDynamicImports: true });
  await bundle.close();
  renameSync(temp, `${here}dist/cli.mjs`);
  return `${here}dist/cli.mjs`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
