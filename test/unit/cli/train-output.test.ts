import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { checkNeighbourTable } from '../../../packages/cli/src/neighbour-table.js';
import { coOccurrenceSql } from '../../../packages/cli/src/neighbours.js';
import { train } from '../../../packages/cli/src/train.js';
import { checkWeights } from '../../../worker/model/weights.js';
import { options, silent, smallLog, tempDir, writeCsv } from './fixtures.js';

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** A log with categories and enough sessions for the model: visitors browse within one of three categories. */
function browsingLog(sessions: number): string[][] {
  const rows: string[][] = [];
  let t = 1_700_000_000_000;
  for (let s = 0; s < sessions; s++) {
    const category = s % 3;
    for (let i = 0; i < 6; i++) {
      const item = category * 10 + ((s * 7 + i * 3) % 10);
      rows.push([
        `s${s}`,
        `v${s % 40}`,
        `item-${item}`,
        i % 4 === 3 ? 'add_to_cart' : 'view',
        String((t += 30_000)),
        `c${category}`,
      ]);
    }
  }
  return rows;
}

describe('inkling train: outputs', () => {
  it('neighbours.json keeps pairs at or above the floor, counts sessions, and holds no visitor id', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const result = await train(options(writeCsv(dir, smallLog()), '--out', out, '--no-model'), silent());
    const table = checkNeighbourTable(read(join(out, 'neighbours.json')));
    expect(result.files).toEqual([join(out, 'neighbours.json')]);
    // a-b in 4 sessions is kept; a-c in 2 and a-d, b-d in 1 are under the floor of 3.
    expect(table.neighbours).toEqual({ a: [['b', 4]], b: [['a', 4]] });
    expect(table.support).toEqual({ a: 6, b: 4 });
    expect(table).toMatchObject({ format: 'inkling-neighbours', version: 1, minCount: 3, k: 20, sessions: 6 });
    expect(readFileSync(join(out, 'neighbours.json'), 'utf8')).not.toContain('visitor');
  });

  it('--min-count lowers the floor and --k caps the list; ties go by id', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    await train(
      options(writeCsv(dir, smallLog()), '--out', out, '--no-model', '--min-count', '1', '--k', '2'),
      silent(),
    );
    const table = checkNeighbourTable(read(join(out, 'neighbours.json')));
    expect(table.neighbours['a']).toEqual([
      ['b', 4],
      ['c', 2],
    ]);
    expect(table.neighbours['d']).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it("reads JSON lines and Parquet with the same result, and --pairs takes the query's output from elsewhere", async () => {
    const dir = tempDir();
    const csvOut = join(dir, 'csv');
    await train(options(writeCsv(dir, smallLog()), '--out', csvOut, '--no-model'), silent());
    const expected = read(join(csvOut, 'neighbours.json'));
    const jsonl = join(dir, 'log.jsonl');
    const keys = ['session_id', 'visitor_id', 'item_id', 'event_type', 'timestamp'];
    writeFileSync(
      jsonl,
      smallLog()
        .map((r) => JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, i === 4 ? Number(r[i]) : r[i]]))))
        .join('\n'),
    );
    await train(options(jsonl, '--out', join(dir, 'jsonl'), '--no-model'), silent());
    expect(read(join(dir, 'jsonl', 'neighbours.json'))).toEqual(expected);
    // Parquet written by DuckDB, and the query run the way Spark or BigQuery would run it: its output as Parquet.
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const parquet = join(dir, 'log.parquet');
    const pairs = join(dir, 'pairs.parquet');
    await db.run(`COPY (SELECT * FROM read_json('${jsonl}')) TO '${parquet}' (FORMAT parquet)`);
    await db.run(`CREATE TABLE events AS SELECT * FROM read_parquet('${parquet}')`);
    await db.run(
      `COPY (${coOccurrenceSql({ minCount: 3, k: 20, maxSessionItems: 100 })}) TO '${pairs}' (FORMAT parquet)`,
    );
    db.closeSync();
    instance.closeSync();
    await train(options(parquet, '--out', join(dir, 'parquet'), '--no-model'), silent());
    expect(read(join(dir, 'parquet', 'neighbours.json'))).toEqual(expected);
    await train(options('--pairs', pairs, '--out', join(dir, 'pairs')), silent());
    expect(read(join(dir, 'pairs', 'neighbours.json'))).toEqual(expected);
  });

  it('a GA4 export (items array, ga_session_id parameter) maps to the documented columns', async () => {
    const dir = tempDir();
    const file = join(dir, 'events_20240101.jsonl');
    const event = (user: string, session: number, name: string, micros: number, items: string[]): string =>
      JSON.stringify({
        event_timestamp: micros,
        event_name: name,
        user_pseudo_id: user,
        event_params: [{ key: 'ga_session_id', value: { string_value: null, int_value: session } }],
        items: items.map((id, i) => ({
          item_id: id,
          item_list_id: 'home',
          item_list_index: String(i),
          item_category: 'shoes',
        })),
      });
    const lines = [0, 1, 2, 3].flatMap((s) => [
      event(`u${s}`, 100 + s, 'page_view', 1_704_067_200_000_000 + s * 1e9, []),
      event(`u${s}`, 100 + s, 'view_item', 1_704_067_201_000_000 + s * 1e9, ['sku-1']),
      event(`u${s}`, 100 + s, 'add_to_cart', 1_704_067_202_000_000 + s * 1e9, ['sku-2']),
    ]);
    writeFileSync(file, lines.join('\n') + '\n');
    const progress = silent();
    await train(options(file, '--format', 'ga4', '--out', join(dir, 'out'), '--no-model'), progress);
    const table = checkNeighbourTable(read(join(dir, 'out', 'neighbours.json')));
    expect(table.neighbours).toEqual({ 'sku-1': [['sku-2', 4]], 'sku-2': [['sku-1', 4]] });
    expect(table.sessions).toBe(4);
    expect(progress.notes[0]).toContain('8 rows, 8 used');
  });

  it("model.json is a valid prior fitted on the log's own lists", async () => {
    const dir = tempDir();
    const header = ['session_id', 'visitor_id', 'item_id', 'event_type', 'timestamp', 'category'];
    const result = await train(
      options(writeCsv(dir, browsingLog(120), header), '--out', join(dir, 'out'), '--kind', 'logistic'),
      silent(),
    );
    const weights = checkWeights(read(join(dir, 'out', 'model.json')));
    expect(weights.kind).toBe('logistic');
    expect(result.model!.lists).toBeGreaterThanOrEqual(50);
    expect(Number.isFinite(result.model!.validationMrr)).toBe(true);
  });
});
