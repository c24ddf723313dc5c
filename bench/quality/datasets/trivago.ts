import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceClass, InklingEvent, Item } from '../../../common/types.js';
import { parseCsvObjects } from '../csv.js';
import type { QualityDataset, ReplayStep, VisitorReplay } from '../types.js';
import { assignSplits, listTimes, medianListTime, step, withPastPopularity } from './replay.js';

/** The slot name used for trivago's result list. */
export const TRIVAGO_SLOT = 'results';

/** Rows that name an item the visitor looked at before a clickout; all become `view` events. */
const VIEW_ACTIONS = new Set([
  'interaction item image',
  'interaction item info',
  'interaction item rating',
  'interaction item deals',
  // Typing a hotel's name is at least as strong as looking at its photos.
  'search for item',
]);

/**
 * Loads trivago-100k: one replay per user, sessions in order of their first time stamp and rows in
 * `step` order. At every clickout the `impressions` list (trivago's display order, with `prices`) is
 * ranked and the rank of `reference` recorded; afterwards the list's items become `impression` events
 * and the clicked one a `click`, so later clickouts can learn from them.
 */
export function loadTrivago(dir: string, file = 'trivago-100k/trivago_val_100k.csv'): QualityDataset {
  return trivagoFromRows(parseCsvObjects(readFileSync(join(dir, file), 'utf8')));
}

/** Builds the dataset from parsed rows (exported for tests on small excerpts). */
export function trivagoFromRows(rows: readonly Record<string, string>[]): QualityDataset {
  const sessions = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const key = `${row['user_id']}\u0000${row['session_id']}`;
    let list = sessions.get(key);
    if (!list) sessions.set(key, (list = []));
    list.push(row);
  }
  const byUser = new Map<string, Record<string, string>[][]>();
  for (const list of sessions.values()) {
    list.sort((a, b) => Number(a['step']) - Number(b['step']));
    const user = list[0]!['user_id']!;
    let userSessions = byUser.get(user);
    if (!userSessions) byUser.set(user, (userSessions = []));
    userSessions.push(list);
  }
  let skipped = 0;
  let clickouts = 0;
  const visitors: VisitorReplay[] = [];
  for (const [visitorId, userSessions] of byUser) {
    userSessions.sort((a, b) => Number(a[0]!['timestamp']) - Number(b[0]!['timestamp']));
    const steps: ReplayStep[] = [];
    for (const session of userSessions) {
      // The latest price seen for each hotel in this session, so views can carry a price snapshot.
      const prices = new Map<string, number>();
      for (const row of session) {
        const time = Number(row['timestamp']) * 1000;
        const action = row['action_type']!;
        const reference = row['reference']!;
        const pageViewId = `${row['session_id']}:${row['step']}`;
        if (VIEW_ACTIONS.has(action)) {
          const price = prices.get(reference);
          steps.push(
            step.event({
              type: 'view',
              itemId: reference,
              time,
              pageViewId,
              ...(price !== undefined && { item: { price } }),
            }),
          );
          continue;
        }
        if (action !== 'clickout item' || !row['impressions']) continue;
        clickouts++;
        const ids = row['impressions'].split('|');
        const listPrices = (row['prices'] ?? '').split('|').map(Number);
        const items: Item[] = ids.map((id, i) =>
          Number.isFinite(listPrices[i]) ? { id, price: listPrices[i]! } : { id },
        );
        if (ids.includes(reference)) {
          const device = toDevice(row['device']);
          const context = { slot: TRIVAGO_SLOT, visitorId, time, pageType: 'search', ...(device && { device }) };
          steps.push(
            step.rank({ context, items, target: reference, split: 'early', rawFilters: row['current_filters'] }),
          );
        } else {
          skipped++;
        }
        items.forEach((item, index) => {
          if (item.price !== undefined) prices.set(item.id, item.price);
          steps.push(step.event(listEvent('impression', item, index, time, pageViewId)));
        });
        const clickedIndex = ids.indexOf(reference);
        const clicked = items[clickedIndex] ?? { id: reference };
        steps.push(step.event(listEvent('click', clicked, clickedIndex, time, pageViewId)));
      }
    }
    visitors.push({ visitorId, steps });
  }
  const annotated = withPastPopularity(visitors);
  const splitTime = medianListTime(listTimes(annotated));
  return {
    name: 'trivago-100k',
    protocol:
      'replay each user in session/step order; at each clickout rank its impressions list (display order kept as ' +
      `"original"), score the rank of the clicked hotel; ${skipped} of ${clickouts} clickouts skipped (reference not in list)`,
    splitTime,
    visitors: assignSplits(annotated, splitTime),
    cutoffs: [1, 5],
  };
}

function listEvent(
  type: 'impression' | 'click',
  item: Item,
  index: number,
  time: number,
  pageViewId: string,
): InklingEvent {
  return {
    type,
    itemId: item.id,
    time,
    itemListId: TRIVAGO_SLOT,
    pageViewId,
    ...(index >= 0 && { index }),
    ...(item.price !== undefined && { item: { price: item.price } }),
  };
}

function toDevice(device: string | undefined): DeviceClass | undefined {
  return device === 'mobile' || device === 'tablet' || device === 'desktop' ? device : undefined;
}
