import { tmpdir } from 'node:os';
import { openDb, type Db } from './db.js';
import { inputError } from './errors.js';
import { loadLog } from './load.js';
import { fitModel, MIN_LISTS, sampleModelRows, type ModelFit } from './model.js';
import type { NeighbourTable } from './neighbour-table.js';
import { buildTable, computePairs, readPairs } from './neighbours.js';
import type { TrainOptions } from './options.js';
import { createProgress, type Progress } from './progress.js';
import { writeAll } from './write.js';

/** What a run produced. */
export interface TrainResult {
  readonly files: string[];
  readonly neighbours: NeighbourTable;
  readonly model?: ModelFit;
}

/**
 * `inkling train`: reads the log into DuckDB, runs the co-occurrence query (or reads `--pairs`), fits
 * the model, and writes neighbours.json and model.json to `--out` together at the end. Throws a
 * `TrainError` for anything the site owner can fix.
 */
export async function train(
  options: TrainOptions,
  progress: Progress = createProgress(process.stderr, options.quiet),
): Promise<TrainResult> {
  const db = await openDb(options);
  try {
    const params = { minCount: options.minCount, k: options.k, maxSessionItems: options.maxSessionItems };
    let model: ModelFit | undefined;
    let sessions: number | undefined;
    if (options.input !== undefined) {
      const summary = await loadLog(db, options, progress);
      const ignored = Object.entries(summary.ignoredTypes)
        .map(([t, n]) => `${t} (${n})`)
        .join(', ');
      if (summary.kept === 0) {
        throw inputError(
          `${options.input}: no usable rows: ${ignored ? `event types not known: ${ignored}` : 'every row lacks a session or item id'}` +
            ' (docs/train.md lists the event names and columns)',
        );
      }
      progress.note(
        `${options.input}: ${summary.rows} rows, ${summary.kept} used` +
          (ignored ? `; ignored event types: ${ignored}` : '') +
          (summary.missingIds ? `; ${summary.missingIds} rows without a session or item id` : ''),
      );
      if (options.pairs === undefined) await computePairs(db, params, progress);
      const rows = options.model ? await sampleModelRows(db, options.modelLists, progress) : [];
      sessions = await engagedSessions(db, options.maxSessionItems);
      // The log is no longer needed: DuckDB gives its buffers back before Node's heap grows with the fit.
      await db.run('DROP TABLE events');
      if (options.model) model = fitModel(rows, options.kind, options.modelLists, progress);
      if (options.model && !model)
        progress.note(`model.json not written: the log yields fewer than ${MIN_LISTS} lists to fit on`);
    }
    if (options.pairs !== undefined) await readPairs(db, options.pairs);
    const neighbours = await buildTable(db, params, options.pairs ?? options.input!, sessions);
    const files = writeAll(options.out, {
      'neighbours.json': neighbours,
      ...(model && { 'model.json': model.weights }),
    });
    const items = Object.keys(neighbours.neighbours).length;
    progress.note(
      `neighbours.json: ${items} items with neighbours from ${neighbours.sessions} sessions (pairs in fewer than ${options.minCount} sessions dropped)`,
    );
    if (model) {
      progress.note(
        `model.json: ${options.kind} fitted on ${model.lists} lists from ${model.sessions} sessions; validation MRR ` +
          `${model.validationMrr.toFixed(3)} (the lists' own order: ${model.siteOrderMrr.toFixed(3)})`,
      );
    }
    progress.note(
      `DuckDB: --memory-limit ${options.memoryLimit}, ${options.threads} thread${options.threads > 1 ? 's' : ''}, ` +
        `spilling to ${options.tempDir ?? tmpdir()} when over the limit`,
    );
    return { files, neighbours, ...(model && { model }) };
  } finally {
    db.close();
  }
}

/** Sessions the query counts (engaged with at most `max` items), for a table with no pair above the floor. */
async function engagedSessions(db: Db, max: number): Promise<number> {
  const result = await db.run(`SELECT count(*) AS n FROM (SELECT session_id FROM events
    WHERE event_type NOT IN ('impression', 'dismiss') GROUP BY session_id HAVING count(DISTINCT item_id) <= ${max})`);
  return Number(result.getRowObjects()[0]!['n']);
}

export type { Progress };
