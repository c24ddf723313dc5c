/**
 * The site's item neighbours (`neighbours.json`, written by `inkling train`): for each item, the items
 * engaged with in the same sessions, as aggregate counts only. The format is a contract shared with the
 * CLI (which keeps its own copy of this interface); see docs/recipes.md, "neighbours".
 */
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

/**
 * Validates an untrusted neighbour table (a fetched file, an API option) and returns it typed; throws
 * an Error naming the first bad field, e.g. `neighbours["sku-1"][2][1] must be a positive integer`.
 */
export function checkNeighbourTable(value: unknown): NeighbourTable {
  if (!isRecord(value)) throw new Error('the neighbour table must be a JSON object');
  if (value['format'] !== 'inkling-neighbours') throw new Error('format must be "inkling-neighbours"');
  if (value['version'] !== 1) throw new Error('version must be 1');
  for (const field of ['minCount', 'k', 'sessions'] as const) {
    if (!isCount(value[field], 0)) throw new Error(`${field} must be a non-negative integer`);
  }
  const support = value['support'];
  if (!isRecord(support)) throw new Error('support must be an object of item id to session count');
  for (const [id, count] of Object.entries(support)) {
    if (!isCount(count, 1)) throw new Error(`support[${JSON.stringify(id)}] must be a positive integer`);
  }
  const neighbours = value['neighbours'];
  if (!isRecord(neighbours)) throw new Error('neighbours must be an object of item id to [id, count] pairs');
  const k = value['k'] as number;
  for (const [id, list] of Object.entries(neighbours)) {
    const where = `neighbours[${JSON.stringify(id)}]`;
    if (!Array.isArray(list)) throw new Error(`${where} must be an array of [id, count] pairs`);
    if (list.length > k) throw new Error(`${where} lists ${list.length} neighbours, more than k (${k})`);
    list.forEach((pair: unknown, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
        throw new Error(`${where}[${i}] must be a [string id, count] pair`);
      }
      if (!isCount(pair[1], 1)) throw new Error(`${where}[${i}][1] must be a positive integer`);
    });
  }
  return value as unknown as NeighbourTable;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
