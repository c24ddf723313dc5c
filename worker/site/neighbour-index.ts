import type { NeighbourTable } from './neighbour-table.js';

/** How many of the visitor's latest engaged items bring neighbours: older ones say little about now. */
export const NEIGHBOUR_SOURCES = 5;

/** A neighbour table as maps, built once per table so that a ranking does one lookup per source item. */
export interface NeighbourIndex {
  readonly support: ReadonlyMap<string, number>;
  readonly neighbours: ReadonlyMap<string, readonly (readonly [string, number])[]>;
}

/** Per candidate id, how strongly it is co-engaged with what the visitor engaged with lately. */
export interface NeighbourScores {
  /** Recency-weighted cosine (pair sessions over the geometric mean of both supports), in [0, 1]. */
  readonly ofRecent: ReadonlyMap<string, number>;
  /** Share of the sessions with the latest engaged item that also engaged this one, in [0, 1]. */
  readonly ofLast: ReadonlyMap<string, number>;
}

/** Indexes a validated table. */
export function indexNeighbours(table: NeighbourTable): NeighbourIndex {
  return { support: new Map(Object.entries(table.support)), neighbours: new Map(Object.entries(table.neighbours)) };
}

const EMPTY: NeighbourScores = { ofRecent: new Map(), ofLast: new Map() };

/**
 * Scores the neighbours of the visitor's latest engaged items (`recent`, newest last): the k-th latest
 * counts 1 / (k + 1), and the sum is divided by the total weight so that it stays in [0, 1].
 */
export function neighbourScores(index: NeighbourIndex | undefined, recent: readonly string[]): NeighbourScores {
  if (index === undefined || recent.length === 0) return EMPTY;
  const ofRecent = new Map<string, number>();
  const ofLast = new Map<string, number>();
  const sources = Math.min(NEIGHBOUR_SOURCES, recent.length);
  let total = 0;
  for (let k = 0; k < sources; k++) total += 1 / (k + 1);
  for (let k = 0; k < sources; k++) {
    const source = recent[recent.length - 1 - k]!;
    const list = index.neighbours.get(source);
    const sourceSupport = index.support.get(source);
    if (list === undefined || sourceSupport === undefined) continue;
    const weight = 1 / (k + 1) / total;
    for (const [id, together] of list) {
      const support = index.support.get(id) ?? together;
      const cosine = Math.min(1, together / Math.sqrt(sourceSupport * support));
      ofRecent.set(id, (ofRecent.get(id) ?? 0) + weight * cosine);
      if (k === 0) ofLast.set(id, Math.min(1, together / sourceSupport));
    }
  }
  return { ofRecent, ofLast };
}
