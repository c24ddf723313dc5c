import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const appSource = fileURLToPath(new URL('./app/', import.meta.url));

/** A production build: the folder to serve, and what the bundler warned about. */
export interface Build {
  readonly name: string;
  readonly dir: string;
  readonly warnings: readonly string[];
}

/**
 * Packs the built SDK (`npm pack`, the files a user gets) and installs the tarball into a fresh copy
 * of the sample app in a temp folder; returns the app's folder.
 */
export function sampleApp(): { app: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'inkling-bundlers-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', root], { cwd: repo, encoding: 'utf8' });
  const tarball = join(root, packed.trim().split('\n').pop()!);
  const app = join(root, 'app');
  mkdirSync(app);
  for (const file of readdirSync(appSource)) copyFileSync(join(appSource, file), join(app, file));
  const manifest = { name: 'sample-app', private: true, type: 'module', dependencies: { inkling: `file:${tarball}` } };
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  // The SDK's own dependencies are in npm's cache already (the repo installed them).
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--silent'], {
    cwd: app,
    stdio: 'inherit',
  });
  return { app, root };
}

/** `vite build` with no config, as `npm create vite` would run it. */
export async function buildVite(app: string): Promise<Build> {
  const { build, createLogger } = await import('vite');
  const warnings: string[] = [];
  const logger = createLogger('warn');
  const customLogger = {
    ...logger,
    warn: (message: string) => warnings.push(message),
    warnOnce: (message: string) => warnings.push(message),
  };
  const dir = join(app, 'dist-vite');
  await build({
    root: app,
    configFile: false,
    logLevel: 'warn',
    customLogger,
    build: { outDir: dir, emptyOutDir: true },
  });
  return { name: 'vite', dir, warnings };
}

/** webpack 5 in production mode, its defaults otherwise; the page loads the bundle as `main.js`. */
export async function buildWebpack(app: string): Promise<Build> {
  const webpack = (await import('webpack')).default;
  const dir = join(app, 'dist-webpack');
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
    webpack(
      { mode: 'production', context: app, entry: './main.js', output: { path: dir, filename: 'main.js', clean: true } },
      (error, result) => (error || !result ? reject(error ?? new Error('webpack gave no stats')) : resolve(result)),
    ),
  );
  const info = stats.toJson({ all: false, errors: true, warnings: true, moduleTrace: true });
  if (stats.hasErrors()) throw new Error(`webpack: ${info.errors?.map((entry) => entry.message).join('\n')}`);
  copyFileSync(join(app, 'index.html'), join(dir, 'index.html'));
  return {
    name: 'webpack',
    dir,
    warnings: info.warnings?.map((entry) => `${entry.moduleName ?? ''}: ${entry.message}`) ?? [],
  };
}

/**
 * esbuild leaves `new URL('./inkling.worker.js', import.meta.url)` alone, so the worker is a second
 * entry point named to land beside the app's code (README: "esbuild"); splitting keeps its TF.js chunk lazy.
 */
export async function buildEsbuild(app: string): Promise<Build> {
  const esbuild = await import('esbuild');
  const dir = join(app, 'dist-esbuild');
  // The README's recipe, word for word.
  const result = await esbuild.build({
    entryPoints: { main: 'main.js', 'inkling.worker': 'inkling/worker' },
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: dir,
    absWorkingDir: app,
    minify: true,
    logLevel: 'silent',
  });
  copyFileSync(join(app, 'index.html'), join(dir, 'index.html'));
  return { name: 'esbuild', dir, warnings: result.warnings.map((warning) => warning.text) };
}
