import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventType } from '../../../common/types.js';
import { parseCsv } from '../csv.js';
import type { QualityDataset } from '../types.js';
import { nextItemDataset, type LogRow } from './next-item.js';

/** `fav` has no Inkling event type; a wish-list add is closest to an add-to-cart in intent. */
const TYPES: Readonly<Record<string, EventType>> = {
  pv: 'view',
  cart: 'add_to_cart',
  fav: 'add_to_cart',
  buy: 'purchase',
};
const DAY = 86_400_000;

/**
 * Loads taobao-userbehavior-sample (no header: user, item, category, behavior, unix seconds) as
 * per-visitor replays over the 9 days. Candidates: items of the categories this visitor touched in the
 * last 3 days, seen by anyone in the log before the list; see `buildNextItem`.
 */
export function loadTaobao(dir: string, file = 'taobao-userbehavior-sample/UserBehavior.csv'): QualityDataset {
  return taobaoFromRecords(parseCsv(readFileSync(join(dir, file), 'utf8')));
}

/** Builds the dataset from parsed records (exported for tests on small excerpts). */
export function taobaoFromRecords(records: readonly string[][]): QualityDataset {
  const rows: LogRow[] = records.map(([user, item, category, behavior, seconds]) => {
    const type = TYPES[behavior ?? ''];
    if (!type || !user || !item || !category)
      throw new Error(`taobao: bad record ${[user, item, category, behavior].join(',')}`);
    return { visitorId: user, sessionId: user, type, time: Number(seconds) * 1000, item: { id: item, category } };
  });
  return nextItemDataset(
    'taobao-userbehavior-sample',
    rows,
    { slot: 'for-you', pageType: 'home', categoryWindowMs: 3 * DAY },
    'per visitor over 9 days, at every event on a new item rank the candidates = items of the categories this visitor ' +
      'touched in the last 3 days, seen by anyone in the log before that second, in a seeded random order ("original")',
  );
}
