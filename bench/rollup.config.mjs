// Bundles the TypeScript benches for Node into bench/dist/ (gitignored); `npm run bench` builds and runs them.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

// TF.js's Node platform calls require(); an ES module has none unless we make one.
const banner =
  "import { createRequire as __inklingCreateRequire } from 'node:module'; const require = __inklingCreateRequire(import.meta.url);";

export const benchEntries = { 'speed-node': 'bench/speed/node.ts', rules: 'bench/rules-run.ts' };

export default Object.entries(benchEntries).map(([name, input]) => ({
  input,
  output: { file: `bench/dist/${name}.mjs`, format: 'es', inlineDynamicImports: true, banner },
  external: (id) => id.startsWith('node:'),
  plugins: [
    json(),
    nodeResolve({ preferBuiltins: true }),
    commonjs(),
    typescript({
      tsconfig: './tsconfig.json',
      include: ['common/**/*.ts', 'src/**/*.ts', 'worker/**/*.ts', 'bench/**/*.ts'],
      compilerOptions: { noEmit: false, declaration: false, outDir: 'bench/dist' },
    }),
  ],
  onwarn: (warning, warn) =>
    ['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code) ? undefined : warn(warning),
}));
