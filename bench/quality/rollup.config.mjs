// Bundles the quality bench for Node into bench/dist/quality/ (gitignored); see bench/quality/README.md.
// `npm run bench:quality` builds and runs it. Everything is bundled (TF.js included), so the output also
// runs from elsewhere (INKLING_QUALITY_OUT=/some/dir) without node_modules beside it.
import { existsSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

const out = process.env.INKLING_QUALITY_OUT ?? 'bench/dist/quality';
// TF.js's Node platform calls require(); an ES module has none unless we make one.
const banner =
  "import { createRequire as __inklingCreateRequire } from 'node:module'; const require = __inklingCreateRequire(import.meta.url);";

export default [
  'run',
  'train-prior',
  'research/breakdown',
  'research/sweep',
  'research/try-features',
  'research/dump-features',
]
  .filter((name) => existsSync(`bench/quality/${name}.ts`))
  .map((name) => ({
    input: `bench/quality/${name}.ts`,
    output: { file: `${out}/${name}.mjs`, format: 'es', inlineDynamicImports: true, banner },
    external: (id) => id.startsWith('node:') || id === 'util' || id === 'worker_threads',
    plugins: [
      json(),
      nodeResolve({ preferBuiltins: true }),
      commonjs(),
      typescript({
        tsconfig: './tsconfig.json',
        include: ['common/**/*.ts', 'src/**/*.ts', 'worker/**/*.ts', 'bench/**/*.ts'],
        compilerOptions: { noEmit: false, declaration: false, outDir: out },
        noEmitOnError: false,
      }),
    ],
    onwarn: (warning, warn) =>
      ['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code) ? undefined : warn(warning),
  }));
