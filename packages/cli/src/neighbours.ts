import { readFileSync } from 'node:fs';
import type { Db } from './db.js';
import { literal } from './db.js';
import { inputError } from './errors.js';
import { checkNeighbourTable, type NeighbourTable } from './neighbour-table.js';
import type { Progress } from './progress.js';

/** The co-occurrence query's parameters. */
export interface PairParams {
  readonly minCount: number;
  readonly k: number;
  readonly maxSessionItems: number;
}

/** Where the query lives: beside `src/` and `dist/` alike. */
export const QUERY_URL = new URL('../sql/co-occurrence.sql', import.meta.url);

/** The co-occurrence query with its placeholders filled (whole numbers only, so nothing can be injected). */
export function coOccurrenceSql(params: PairParams): string {
  const values: Record<string, number> = {
    min_count: params.minCount,
    k: params.k,
    max_session_items: params.maxSessionItems,
  };
  return readFileSync(QUERY_URL, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined || !Number.isInteger(v)) throw new Error(`co-occurrence.sql: unknown placeholder {{${name}}}`);
    return String(v);
  });
}

/** The columns the query outputs, which a `--pairs` file must have. */
export const PAIR_COLUMNS = [
  'item_id',
  'neighbour_id',
  'sessions',
  'item_sessions',
  'neighbour_sessions',
  'total_sessions',
] as const;

/** Runs the query over the table `events` into the table `pairs`. */
export async function computePairs(db: Db, params: PairParams, progress: Progress): Promise<void> {
  progress.stage('co-occurrence');
  await db.run(`CREATE TABLE pairs AS ${coOccurrenceSql(params)}`, progress);
  progress.done();
}

/** Reads a `--pairs` Parquet file (the query's output from Spark or BigQuery) into the table `pairs`. */
export async function readPairs(db: Db, file: string): Promise<void> {
  try {
    await db.run(`CREATE TABLE pairs AS SELECT * FROM read_parquet(${literal(file)})`);
  } catch (error) {
    throw inputError(`${file}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  const found = (await db.run('DESCRIBE pairs')).getRowObjects().map((r) => String(r['column_name']));
  const missing = PAIR_COLUMNS.filter((c) => !found.includes(c));
  if (missing.length) {
    throw inputError(
      `${file}: no column "${missing[0]}": a --pairs file holds the output of sql/co-occurrence.sql (${PAIR_COLUMNS.join(', ')})`,
    );
  }
}

/**
 * Turns the table `pairs` into the neighbour table: the floor and k are applied again here, so a
 * `--pairs` file computed with a lower floor still yields a table that keeps the promise it states.
 * With no pair above the floor the query returns no row to carry the session count: `fallbackSessions`.
 */
export async function buildTable(
  db: Db,
  params: PairParams,
  source: string,
  fallbackSessions?: number,
): Promise<NeighbourTable> {
  const neighbours: Record<string, [string, number][]> = {};
  const support: Record<string, number> = {};
  let sessions = 0;
  // Streamed: only the table being built is held, never the query's whole result beside it.
  await db.forEachRow(
    `SELECT CAST(item_id AS VARCHAR) AS a, CAST(neighbour_id AS VARCHAR) AS b, CAST(sessions AS BIGINT) AS n,
        CAST(item_sessions AS BIGINT) AS sa, CAST(neighbour_sessions AS BIGINT) AS sb, CAST(total_sessions AS BIGINT) AS t
      FROM pairs WHERE sessions >= ${params.minCount} ORDER BY a, n DESC, b`,
    ([a, b, n, sa, sb, t]) => {
      const [item, neighbour, count] = [String(a), String(b), Number(n)];
      if (!Number.isFinite(count) || a === null || b === null)
        throw inputError(`${source}: a pair has no ids or no count`);
      const list = (neighbours[item] ??= []);
      if (list.length >= params.k) return;
      list.push([neighbour, count]);
      support[item] = Number(sa);
      support[neighbour] = Number(sb);
      sessions = Math.max(sessions, Number(t));
    },
  );
  if (sessions === 0) sessions = fallbackSessions ?? 0;
  const table: NeighbourTable = {
    format: 'inkling-neighbours',
    version: 1,
    minCount: params.minCount,
    k: params.k,
    sessions,
    support,
    neighbours,
  };
  try {
    return checkNeighbourTable(table);
  } catch (error) {
    throw inputError(`${source}: ${(error as Error).message}`);
  }
}
