import { errorText } from '../engine/run.js';
import { checkWeights, type ModelWeights } from '../model/weights.js';
import { checkNeighbourTable, type NeighbourTable } from './neighbour-table.js';

/**
 * The site's own files (`npx inkling train`, docs/train.md): each a URL, already absolute (the page
 * resolves it against its own address), or the object itself.
 */
export interface SiteFiles {
  readonly model?: string | object;
  readonly neighbours?: string | object;
}

/** What loading produced: the validated objects, and one message per file that could not be used. */
export interface LoadedSiteFiles {
  readonly prior?: ModelWeights;
  readonly neighbours?: NeighbourTable;
  readonly errors: readonly string[];
}

/**
 * Fetches and validates the site's files. A GET of a static file the site named, with no credentials
 * and nothing about the visitor in it. Never throws: a file that fails is left out, named in `errors`
 * with its URL and the bad field, and ranking goes on without it.
 */
export async function loadSiteFiles(files: SiteFiles, fetcher: typeof fetch = fetch): Promise<LoadedSiteFiles> {
  const errors: string[] = [];
  const load = async <T>(
    what: string,
    source: string | object | undefined,
    check: (value: unknown) => T,
  ): Promise<T | undefined> => {
    if (source === undefined) return undefined;
    const where = typeof source === 'string' ? `${what} ${source}` : `${what} (object)`;
    try {
      return check(typeof source === 'string' ? await fetchJson(source, fetcher) : source);
    } catch (error) {
      errors.push(`${where}: ${errorText(error)}`);
      return undefined;
    }
  };
  const [prior, neighbours] = await Promise.all([
    load('model', files.model, checkWeights),
    load('neighbours', files.neighbours, checkNeighbourTable),
  ]);
  // Both load at once; the model's error is listed first whichever failed first.
  errors.sort();
  return { ...(prior && { prior }), ...(neighbours && { neighbours }), errors };
}

async function fetchJson(url: string, fetcher: typeof fetch): Promise<unknown> {
  // Omitting credentials: the file is the same for every visitor, so no cookie needs to go with it.
  const response = await fetcher(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json().catch(() => {
    throw new Error('not JSON');
  });
}
