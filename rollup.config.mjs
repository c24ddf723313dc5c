import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/**
 * Four outputs:
 * - inkling.js         script tag (IIFE): main thread only, never TF.js
 * - inkling.worker.js  the engine with idb and comlink, as an ES module worker (also imported on the
 *                      page for the in-thread fallback); TF.js, for training only, is a lazy chunk
 * - inkling.esm.js     npm entry for SPAs (ESM); the in-thread engine is a lazy chunk
 * - engine.esm.js      headless engine for Node (evaluation, servers)
 * - inkling-track.js  the tag's tracking (impressions, clicks, views, purchases, SPA watching): an ES
 *                      module the tag imports once its first rankings are under way
 * - inkling-panel.js, inkling-debug.js  the visitor panel and the debug overlay (ES modules the tag
 *                      imports only when a page asks for them, so the tag stays small)
 */
const plugins = (declarations = false) => [
  nodeResolve({ browser: true }),
  commonjs(),
  json({ preferConst: true }),
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts', 'worker/**/*.ts'], compilerOptions: { declaration: declarations, noEmit: false, outDir: 'dist' }, noEmitOnError: true }),
];
// The tag's 6 KB budget is tight: property reads without side effects may go, functions become arrows.
const minifyTag = terser({ ecma: 2020, module: false, toplevel: true, compress: { passes: 3, pure_getters: true, unsafe_arrows: true } });
const minifyModule = terser({ ecma: 2020, module: true, compress: { passes: 2 } });
const quiet = (warning, warn) => {
  // TF.js ships `this` at the top level of some CommonJS-style helpers; harmless in an IIFE.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: 'src/tag.ts',
    output: { file: 'dist/inkling.js', format: 'iife', plugins: [minifyTag], sourcemap: true },
    plugins: plugins(),
    onwarn: quiet,
  },
  {
    input: 'worker/worker-entry.ts',
    output: { dir: 'dist', entryFileNames: 'inkling.worker.js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es', plugins: [minifyModule], sourcemap: true },
    plugins: plugins(),
    onwarn: quiet,
  },
  {
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'inkling.esm.js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es', sourcemap: true },
    plugins: plugins(),
    onwarn: quiet,
  },
  {
    input: { 'inkling-track': 'src/page-watch.ts', 'inkling-panel': 'src/ui/panel.ts', 'inkling-debug': 'src/ui/debug-overlay.ts' },
    output: { dir: 'dist', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es', plugins: [minifyModule], sourcemap: true },
    plugins: plugins(),
    onwarn: quiet,
  },
  {
    input: 'worker/index.ts',
    output: { file: 'dist/engine.esm.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
    plugins: [json({ preferConst: true }), typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts', 'worker/**/*.ts'], compilerOptions: { noEmit: false, outDir: 'dist' } })],
    external: [/^@tensorflow\//, 'idb', 'comlink'],
    onwarn: quiet,
  },
];
