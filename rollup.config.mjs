import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/**
 * The bundles:
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
  typescript({
    tsconfig: './tsconfig.json',
    include: ['common/**/*.ts', 'src/**/*.ts', 'worker/**/*.ts'],
    compilerOptions: { declaration: declarations, noEmit: false, outDir: 'dist' },
    noEmitOnError: true,
  }),
];
// The tag's 6 KB budget is tight: property reads without side effects may go, functions become arrows.
// Both keep the compile hint (below) and no other comment.
const keepCompileHint = { comments: /^# allFunctionsCalledOnLoad/ };
const tagPrivate = [
  'bundledWorker',
  'callTimeoutMs',
  'concealer',
  'delayMs',
  'keepOrder',
  'loadInThread',
  'modeChanged',
  'modeFloor',
  'nextId',
  'onPaintedEarly',
  'outbox',
  'park',
  'readyTimeoutMs',
  'recipesError',
  'reporter',
  'setPaused',
];
const minifyTag = terser({
  ecma: 2020,
  module: false,
  toplevel: true,
  compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true },
  // Property names that never leave the tag (its own option plumbing, never the API, the options a site
  // writes, the worker's messages or what the tracking module reads); a new cross-bundle use of one breaks.
  mangle: { properties: { regex: new RegExp(`^(${tagPrivate.join('|')})$`) } },
  format: keepCompileHint,
});
const minifyModule = terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: keepCompileHint });
// The worker's 45 KB budget is tight too: TF.js's getters are pure, and `unsafe` folds its constant calls.
const minifyWorker = terser({
  ecma: 2020,
  module: true,
  compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true },
  format: keepCompileHint,
});
/**
 * V8's explicit compile hint for the main thread's bundles (tag and tracking module): compile every
 * function with the script, so that V8's code cache, made after the script's first run, holds them all.
 * Without it a returning visitor's page compiles ~65 functions lazily as they first run, ~4 ms of its
 * main thread on every page view (traced with bench/page.mjs). Both files are small enough to compile whole.
 */
const compileHint = '//# allFunctionsCalledOnLoad';
/**
 * The worker's TF.js is a custom bundle (worker/model/tf-kernels.ts registers only the kernels it uses).
 * Three things in TF.js defeat tree-shaking or browser builds there, so the worker and npm builds remove them:
 * - `@tensorflow/tfjs-backend-cpu` imports the bare `@tensorflow/tfjs-core`, whose index calls
 *   `registerOptimizers()` and so keeps all seven optimizers and the serialization registry; TF.js's
 *   custom-bundle guide points that specifier at `dist/base` (side effects come from `base_side_effects`).
 * - the Node platform (`require('util')`) is dropped from the browser builds;
 * - the browser platform registers the `localstorage://` and `indexeddb://` model stores, ~27 KB of
 *   unminified code for saving `tf.LayersModel`s, which Inkling never does (weights go to its own store).
 */
const tfjsCustomBundle = () => ({
  name: 'tfjs-custom-bundle',
  resolveId(source, importer) {
    if (source === '@tensorflow/tfjs-core')
      return this.resolve('@tensorflow/tfjs-core/dist/base.js', importer, { skipSelf: true });
    return null;
  },
  transform(code, id) {
    // The Node platform only registers itself under Node, but its `require('util')` makes the site's
    // bundler (Vite, webpack) try to polyfill or externalize Node's `util` in a browser build.
    if (/tfjs-core[\\/]dist[\\/]platforms[\\/]platform_node\.js$/.test(id)) return { code: 'export {};', map: null };
    if (!/tfjs-core[\\/]dist[\\/]platforms[\\/]platform_browser\.js$/.test(id)) return null;
    const stores =
      /\n\s*\/\/ Register LocalStorage IOHandler[\s\S]*?BrowserIndexedDBManager\(\)\);\s*\}\s*catch \(err\) \{\s*\}/;
    const imports = /^import \{[^}]*\} from '\.\.\/io\/(?:indexed_db|local_storage|model_management)';\n/gm;
    if (!stores.test(code) || (code.match(imports) ?? []).length !== 3)
      throw new Error('tfjs-custom-bundle: platform_browser.js changed; update rollup.config.mjs');
    return { code: code.replace(stores, '').replace(imports, ''), map: null };
  },
});
const quiet = (warning, warn) => {
  // TF.js ships `this` at the top level of some CommonJS-style helpers; harmless in an IIFE.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: 'src/tag.ts',
    output: { file: 'dist/inkling.js', format: 'iife', banner: compileHint, plugins: [minifyTag] },
    plugins: plugins(),
    onwarn: quiet,
  },
  {
    input: 'worker/worker-entry.ts',
    output: {
      dir: 'dist',
      entryFileNames: 'inkling.worker.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      format: 'es',
      plugins: [minifyWorker],
    },
    plugins: [tfjsCustomBundle(), ...plugins()],
    onwarn: quiet,
  },
  {
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'inkling.esm.js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
    // Its in-thread engine chunk carries the same TF.js as the worker.
    plugins: [tfjsCustomBundle(), ...plugins()],
    onwarn: quiet,
  },
  // One build each, so that what they share (common/markup.ts) is copied into each file: the tag loads
  // each as one request, never a shared chunk.
  ...[
    ['inkling-track', 'src/page-watch.ts'],
    ['inkling-panel', 'src/ui/panel.ts'],
    ['inkling-debug', 'src/ui/debug-overlay.ts'],
  ].map(([name, input]) => ({
    input,
    output: {
      file: `dist/${name}.js`,
      format: 'es',
      banner: name === 'inkling-track' ? compileHint : '',
      plugins: [minifyModule],
    },
    plugins: plugins(),
    onwarn: quiet,
  })),
  {
    // TF.js is bundled: its packages are ES modules without `"type": "module"`, which Node cannot import
    // by subpath (`@tensorflow/tfjs-core/dist/base`). Its Node platform calls require(), hence the banner.
    input: 'worker/index.ts',
    output: {
      file: 'dist/engine.esm.js',
      format: 'es',
      inlineDynamicImports: true,
      banner:
        "import { createRequire as inklingCreateRequire } from 'node:module'; const require = inklingCreateRequire(import.meta.url);",
    },
    plugins: [
      nodeResolve({ preferBuiltins: true }),
      commonjs(),
      json({ preferConst: true }),
      typescript({
        tsconfig: './tsconfig.json',
        include: ['common/**/*.ts', 'src/**/*.ts', 'worker/**/*.ts'],
        compilerOptions: { noEmit: false, outDir: 'dist' },
      }),
    ],
    external: (id) => id.startsWith('node:') || ['idb', 'util', 'worker_threads'].includes(id),
    onwarn: quiet,
  },
];
