import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventType } from '../../../common/types.js';
import type { QualityDataset } from '../types.js';
import { sessionNextItem, type SessionRow } from './sessions.js';

const TYPES: Readonly<Record<string, EventType>> = { clicks: 'click', carts: 'add_to_cart', orders: 'purchase' };

/** Loads otto-sample (JSON lines `{session, events: [{aid, ts, type}]}`), ids only; lists: `sessionNextItem`. */
export function loadOtto(dir: string, file = 'otto-sample/train.jsonl'): QualityDataset {
  return ottoFromLines(readFileSync(join(dir, file), 'utf8').split('\n'));
}

/** Builds the dataset from JSON lines (exported for tests on small excerpts). */
export function ottoFromLines(lines: readonly string[]): QualityDataset {
  const rows: SessionRow[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const session = JSON.parse(line) as { session: number; events: { aid: number; ts: number; type: string }[] };
    for (const event of session.events) {
      const type = TYPES[event.type];
      if (!type) throw new Error(`otto: unknown event type ${event.type}`);
      rows.push({ sessionId: String(session.session), itemId: String(event.aid), type, time: event.ts });
    }
  }
  return sessionNextItem(
    'otto-sample',
    rows,
    { slot: 'recommended', candidates: 100 },
    "within each session, at every event on a new item rank 100 candidates = the session's earlier items, the " +
      'item and items anyone engaged with before, drawn at random, in a seeded random order (`order: none`)',
  );
}
