import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../csv.js';
import type { QualityDataset } from '../types.js';
import { sessionNextItem, type SessionRow } from './sessions.js';

/**
 * Loads diginetica-sample (`;`-separated: session_id; user_id (NA); item_id; timeframe; eventdate):
 * anonymous sessions of item views, ids only. A view's time is its date plus its `timeframe` (ms within
 * the session). Lists: see `sessionNextItem`.
 */
export function loadDiginetica(dir: string, file = 'diginetica-sample/sample_train-item-views.csv'): QualityDataset {
  const text = readFileSync(join(dir, file), 'utf8').replaceAll(';', ',');
  return digineticaFromRecords(parseCsv(text).slice(1));
}

/** Builds the dataset from parsed records without the header (exported for tests on small excerpts). */
export function digineticaFromRecords(records: readonly string[][]): QualityDataset {
  const rows: SessionRow[] = records
    .filter((r) => r.length >= 5 && r[0] !== '')
    .map(([session, , item, timeframe, date]) => {
      const time = Date.parse(`${date}T00:00:00Z`) + Number(timeframe);
      if (!session || !item || !Number.isFinite(time))
        throw new Error(`diginetica: bad record ${[session, item, timeframe, date].join(';')}`);
      return { sessionId: session, itemId: item, type: 'view', time };
    });
  return sessionNextItem(
    'diginetica-sample',
    rows,
    { slot: 'recommended', candidates: 100 },
    "within each session of views, at every view of a new item rank 100 candidates = the session's earlier items, " +
      'the viewed item and items anyone viewed before, drawn at random, in a seeded random order (`order: none`)',
  );
}
