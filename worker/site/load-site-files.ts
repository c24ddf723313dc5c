import { errorText } from '../engine/run.js';
import { checkWeights, type ModelWeights } from '../model/weights.js';

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

// Minimal copy of the neighbour table's type and validator (contract in docs/train.md), until the
// engine's own `worker/site/neighbour-table.ts` lands; then this file imports it instead.
export interface NeighbourTable {
  readonly format: 'inkling-neighbours';
  readonly version: 1;
  /** Pairs seen together in fewer sessions than this were dropped (the privacy floor). */
  readonly minCount: number;
  /** Neighbours kept per item at most. */
  readonly k: number;
  /** Sessions in the log that built the table. */
  readonly sessions: number;
  /** Per item that has neighbours, and per neighbour listed: the number of sessions it was engaged in. */
  readonly support: Readonly<Record<string, number>>;
  /** Per item: up to k [neighbourId, sessions engaged with both], most first (ties by id). */
  readonly neighbours: Readonly<Record<string, readonly (readonly [string, number])[]>>;
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Validates an untrusted table; throws an Error naming the first bad field. */
export function checkNeighbourTable(value: unknown): NeighbourTable {
  const t = Object(value) as NeighbourTable;
  const bad = [
    t.format === 'inkling-neighbours' && t.version === 1 ? '' : 'format or version',
    ...(['minCount', 'k', 'sessions'] as const).filter((field) => !isCount(t[field])),
    ...Object.keys(Object(t.support))
      .filter((id) => !isCount(t.support[id]))
      .map((id) => `support["${id}"]`),
    ...Object.keys(Object(t.neighbours))
      .filter((id) => {
        const list = t.neighbours[id] as unknown;
        return (
          !Array.isArray(list) || list.length > t.k || !list.every((p) => typeof p?.[0] === 'string' && isCount(p[1]))
        );
      })
      .map((id) => `neighbours["${id}"]`),
    typeof t.support === 'object' && typeof t.neighbours === 'object' && t.support && t.neighbours
      ? ''
      : 'support or neighbours',
  ].find(Boolean);
  if (bad) throw new Error(`neighbours.${bad} is not valid`);
  return t;
}
