// Bundles the quality bench for Node: `npx rollup -c bench/quality/rollup.config.mjs && node /tmp/inkling-quality/run.mjs`.
// Everything is bundled (TF.js included) so the output runs from /tmp without node_modules beside it.
import { existsSync, readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

/** JSON imports (model priors) as default-exported objects; @rollup/plugin-json is not a dependency. */
const json = () => ({
  name: 'json',
  load: (id) => (id.endsWith('.json') ? `export default ${readFileSync(id, 'utf8')};` : null),
});

const out = process.env.INKLING_QUALITY_OUT ?? '/tmp/inkling-quality';

export default ['run', 'train-prior'].filter((n) => existsSync(`bench/quality/${n}.ts`)).map((name) => ({
  input: `bench/quality/${name}.ts`,
  output: { file: `${out}/${name}.mjs`, format: 'es', inlineDynamicImports: true },
  external: (id) => id.startsWith('node:'),
  plugins: [
    json(),
    nodeResolve({ preferBuiltins: true }),
    typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts', 'worker/**/*.ts', 'bench/**/*.ts'], compilerOptions: { noEmit: false, declaration: false, outDir: out, module: 'ESNext' }, noEmitOnError: false }),
  ],
  onwarn: (w, warn) => (w.code === 'CIRCULAR_DEPENDENCY' || w.code === 'THIS_IS_UNDEFINED' ? undefined : warn(w)),
}));
