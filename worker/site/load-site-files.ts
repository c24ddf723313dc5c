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

/** Files larger than this are refused before they are parsed: a neighbour table of a large catalogue is a few MB. */
export const MAX_SITE_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Fetches and validates the site's files. A GET of a static file the site named, with no credentials
 * and nothing about the visitor in it. Never throws: a file that fails is left out, named in `errors`
 * with its URL and the bad field, and ranking goes on without it.
 */
export async function loadSiteFiles(files: SiteFiles, fetcher: typeof fetch = fetch): Promise<LoadedSiteFiles> {
  // Both at once; errors listed model first, whichever fails first.
  const failures: [string?, string?] = [];
  const load = async <T>(slot: 0 | 1, what: string, source: string | object | undefined, check: (value: unknown) => T): Promise<T | undefined> => {
    if (source === undefined) return undefined;
    const where = typeof source === 'string' ? `${what} ${source}` : `${what} (object)`;
    try {
      return check(typeof source === 'string' ? await fetchJson(source, fetcher) : source);
    } catch (error) {
      failures[slot] = `${where}: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    }
  };
  const [prior, neighbours] = await Promise.all([
    load(0, 'model', files.model, checkWeights),
    load(1, 'neighbours', files.neighbours, checkNeighbourTable),
  ]);
  const errors = failures.filter((f): f is string => f !== undefined);
  return { ...(prior && { prior }), ...(neighbours && { neighbours }), errors };
}

async function fetchJson(url: string, fetcher: typeof fetch): Promise<unknown> {
  // Omitting credentials: the file is the same for every visitor, so no cookie needs to go with it.
  const response = await fetcher(url, { credentials: 'omit', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (Number(response.headers.get('content-length')) > MAX_SITE_FILE_BYTES) throw new Error('too large');
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('not JSON');
  }
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
  const t = (value ?? {}) as NeighbourTable;
  const fail = (field: string) => {
    throw new Error(`neighbours.${field} is not valid`);
  };
  if (t.format !== 'inkling-neighbours') fail('format');
  if (t.version !== 1) fail('version');
  for (const field of ['minCount', 'k', 'sessions'] as const) if (!isCount(t[field])) fail(field);
  for (const id in Object(t.support)) if (!isCount(t.support[id])) fail(`support["${id}"]`);
  for (const id in Object(t.neighbours)) {
    const list = t.neighbours[id] as unknown;
    if (!Array.isArray(list) || list.length > t.k || !list.every((p) => typeof p?.[0] === 'string' && isCount(p[1]))) fail(`neighbours["${id}"]`);
  }
  if (!t.support || !t.neighbours || typeof t.support !== 'object' || typeof t.neighbours !== 'object') fail('support or neighbours');
  return t;
}
