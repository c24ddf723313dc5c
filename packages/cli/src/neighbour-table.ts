/**
 * The neighbour table as `inkling train` writes it (the contract in docs/train.md). A copy of the
 * engine's type, so that the CLI never imports the browser bundle.
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

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks a table against the contract; throws an Error naming the first bad field. */
export function checkNeighbourTable(value: unknown): NeighbourTable {
  const t = value as Partial<NeighbourTable> | null;
  if (!t || typeof t !== 'object') throw new Error('neighbours: not an object');
  if (t.format !== 'inkling-neighbours') throw new Error('neighbours.format must be "inkling-neighbours"');
  if (t.version !== 1) throw new Error('neighbours.version must be 1');
  for (const field of ['minCount', 'k', 'sessions'] as const) {
    if (!isCount(t[field])) throw new Error(`neighbours.${field} must be a non-negative integer`);
  }
  if (!t.support || typeof t.support !== 'object') throw new Error('neighbours.support must be an object');
  if (!t.neighbours || typeof t.neighbours !== 'object') throw new Error('neighbours.neighbours must be an object');
  for (const [id, count] of Object.entries(t.support)) {
    if (!isCount(count)) throw new Error(`neighbours.support["${id}"] must be a non-negative integer`);
  }
  for (const [id, list] of Object.entries(t.neighbours)) {
    const where = `neighbours.neighbours["${id}"]`;
    if (!Array.isArray(list) || list.length > t.k!) throw new Error(`${where} must be an array of at most k pairs`);
    list.forEach((pair: unknown, i) => {
      const ok = Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && isCount(pair[1]);
      if (!ok) throw new Error(`${where}[${i}] must be [neighbourId, sessions]`);
    });
  }
  return t as NeighbourTable;
}
