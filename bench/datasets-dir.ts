import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the shared datasets are: `INKLING_DATASETS`, else `../shared/datasets` beside the repo. */
export function datasetsDir(): string {
  const candidates = [process.env.INKLING_DATASETS, resolve(process.cwd(), '..', 'shared', 'datasets'), '/work/shared/datasets'];
  const found = candidates.find((dir): dir is string => !!dir && existsSync(dir));
  if (!found) throw new Error('datasets not found: set INKLING_DATASETS to the shared datasets folder');
  return found;
}
