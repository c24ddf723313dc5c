import type { ItemSnapshot } from '../../common/types.js';
import type { ItemHistory } from './profile.js';
import type { EngagementEntry, EngagementVerb } from './engagement.js';

/**
 * The two largest parts of a checkpoint, the profile's per-item counts and the engagement list, as
 * columns of numbers, with each distinct item snapshot written once. JSON.parse pays per object and per
 * key far more than per number: a long history's checkpoint parses about twice as fast this way.
 */
export interface ItemColumns {
  readonly ids: readonly string[];
  /** `COUNTS` numbers per item, in `COUNT_FIELDS` order. */
  readonly counts: readonly number[];
  /** Index into the snapshot table, or -1. */
  readonly snapshots: readonly number[];
}

export interface EngagementColumns {
  readonly ids: readonly string[];
  /** Index into `VERBS`. */
  readonly verbs: readonly number[];
  readonly times: readonly number[];
  readonly snapshots: readonly number[];
}

const COUNT_FIELDS = [
  'views',
  'clicks',
  'carts',
  'purchases',
  'impressions',
  'dismissals',
  'lastEngaged',
  'lastPurchase',
] as const satisfies readonly (keyof ItemHistory)[];
const VERBS: readonly EngagementVerb[] = ['view', 'click', 'add_to_cart', 'purchase'];

/** Collects distinct snapshots (equal content, one entry) while columns are written. */
export class SnapshotTable {
  readonly entries: ItemSnapshot[] = [];
  private readonly byContent = new Map<string, number>();
  private readonly byObject = new Map<ItemSnapshot, number>();

  indexOf(snapshot: ItemSnapshot | undefined): number {
    if (snapshot === undefined) return -1;
    let index = this.byObject.get(snapshot);
    if (index !== undefined) return index;
    const content = JSON.stringify(snapshot);
    index = this.byContent.get(content);
    if (index === undefined) {
      index = this.entries.push(snapshot) - 1;
      this.byContent.set(content, index);
    }
    this.byObject.set(snapshot, index);
    return index;
  }
}

export function itemsToColumns(items: ReadonlyMap<string, ItemHistory>, table: SnapshotTable): ItemColumns {
  const ids: string[] = [];
  const counts: number[] = [];
  const snapshots: number[] = [];
  for (const [id, history] of items) {
    ids.push(id);
    for (const field of COUNT_FIELDS) counts.push(history[field]);
    snapshots.push(table.indexOf(history.snapshot));
  }
  return { ids, counts, snapshots };
}

export function itemsFromColumns(columns: ItemColumns, table: readonly ItemSnapshot[]): Map<string, ItemHistory> {
  const items = new Map<string, ItemHistory>();
  const { ids, counts, snapshots } = columns;
  for (let i = 0, at = 0; i < ids.length; i++, at += COUNT_FIELDS.length) {
    const history: ItemHistory = {
      views: counts[at]!,
      clicks: counts[at + 1]!,
      carts: counts[at + 2]!,
      purchases: counts[at + 3]!,
      impressions: counts[at + 4]!,
      dismissals: counts[at + 5]!,
      lastEngaged: counts[at + 6]!,
      lastPurchase: counts[at + 7]!,
    };
    const snapshot = table[snapshots[i]!];
    if (snapshot !== undefined) history.snapshot = snapshot;
    items.set(ids[i]!, history);
  }
  return items;
}

export function engagementToColumns(entries: readonly EngagementEntry[], table: SnapshotTable): EngagementColumns {
  return {
    ids: entries.map((entry) => entry.itemId),
    verbs: entries.map((entry) => VERBS.indexOf(entry.verb)),
    times: entries.map((entry) => entry.time),
    snapshots: entries.map((entry) => table.indexOf(entry.item)),
  };
}

export function engagementFromColumns(columns: EngagementColumns, table: readonly ItemSnapshot[]): EngagementEntry[] {
  return columns.ids.map((itemId, i) => ({
    itemId,
    verb: VERBS[columns.verbs[i]!]!,
    time: columns.times[i]!,
    item: table[columns.snapshots[i]!],
  }));
}

/** Whether a parsed object has each named column as an array. */
export function isColumns(value: unknown, names: readonly string[]): boolean {
  const columns = value as Record<string, unknown> | undefined;
  return typeof columns === 'object' && columns !== null && names.every((name) => Array.isArray(columns[name]));
}
