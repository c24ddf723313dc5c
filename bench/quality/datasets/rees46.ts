import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventType } from '../../../common/types.js';
import { parseCsvObjects } from '../csv.js';
import type { QualityDataset } from '../types.js';
import { nextItemDataset, type LogRow } from './next-item.js';
import { compactItem } from './replay.js';

const TYPES: Readonly<Record<string, EventType>> = { view: 'view', cart: 'add_to_cart', purchase: 'purchase' };

/**
 * Loads rees46-oct2019-head for within-session next-item ranking. Candidates: items of the categories
 * the session touched so far (any age), seen anywhere in the log before the list; see `buildNextItem`.
 */
export function loadRees46(dir: string, file = 'rees46-oct2019-head/2019-Oct.csv'): QualityDataset {
  // The file is the head of a larger one and its last line stops mid-record.
  return rees46FromRows(parseCsvObjects(readFileSync(join(dir, file), 'utf8'), { dropTruncatedTail: true }));
}

/** Builds the dataset from parsed rows (exported for tests on small excerpts). */
export function rees46FromRows(records: readonly Record<string, string>[]): QualityDataset {
  const rows: LogRow[] = records.map((r) => {
    const type = TYPES[r['event_type'] ?? ''];
    if (!type) throw new Error(`rees46: unknown event_type ${r['event_type']}`);
    const code = r['category_code'] ?? '';
    const price = Number(r['price']);
    const item = compactItem({
      id: r['product_id']!,
      category: r['category_id']!,
      tags: code ? code.split('.') : undefined,
      brand: r['brand'] || undefined,
      price: Number.isFinite(price) && r['price'] !== '' ? price : undefined,
    } as never) as LogRow['item'];
    return {
      visitorId: r['user_id']!,
      sessionId: r['user_session']!,
      type,
      time: Date.parse((r['event_time'] ?? '').replace(' UTC', 'Z').replace(' ', 'T')),
      item,
    };
  });
  return nextItemDataset(
    'rees46-oct2019-head',
    rows,
    { slot: 'next-in-session', pageType: 'product', categoryWindowMs: Infinity },
    'within each session, at every event on a new item rank the candidates = items of the categories the session ' +
      'touched so far, seen anywhere in the log before that second, in a seeded random order ("original")',
  );
}
