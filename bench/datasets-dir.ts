import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the shared datasets directory (the one implementation for every bench and test):
 * `INKLING_DATASETS`, else `<repoRoot>/../shared/datasets`, else `<cwd>/../shared/datasets`
 * (true for /work/main), else `/work/shared/datasets` (true for worktrees under /work/wt/<name>).
 * Returns `undefined` when none exists, so tests can skip with a message instead of failing.
 */
export function datasetsDir(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const candidates = [
    env['INKLING_DATASETS'],
    resolve(repoRoot(), '..', 'shared', 'datasets'),
    resolve(process.cwd(), '..', 'shared', 'datasets'),
    '/work/shared/datasets',
  ];
  return candidates.find((dir): dir is string => typeof dir === 'string' && dir !== '' && existsSync(dir));
}

/** The same as `datasetsDir` but throws a message naming the override when nothing is found. */
export function requireDatasetsDir(): string {
  const dir = datasetsDir();
  if (!dir) throw new Error('datasets not found: set INKLING_DATASETS to the shared datasets directory');
  return dir;
}

/** The repository root: the nearest parent of this file (or of the bundled script) holding package.json. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}
