// Where the shared datasets are, for every bench, script and test (the one implementation):
// `INKLING_DATASETS`, else `../shared/datasets` beside the repository root.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory, or `undefined` when it is missing (tests then skip with a message instead of failing). */
export function datasetsDir(env = process.env) {
  const candidates = [env.INKLING_DATASETS, resolve(repoRoot(), '..', 'shared', 'datasets')];
  return candidates.find((dir) => typeof dir === 'string' && dir !== '' && existsSync(dir));
}

/** The same as `datasetsDir`, but throws a message naming the override when nothing is found. */
export function requireDatasetsDir() {
  const dir = datasetsDir();
  if (!dir) throw new Error('datasets not found: set INKLING_DATASETS to the shared datasets directory');
  return dir;
}

/** The repository root: the nearest parent of this file (or of the bundled script) holding package.json. */
function repoRoot() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}
