import type { ItemSnapshot } from '../../common/types.js';
import type { ItemRecord } from './item-record.js';

/**
 * The largest part of a checkpoint, the item records, as columns of numbers, with each distinct item
 * snapshot written once. JSON.parse pays per object and per key far more than per number: a long
 * history's checkpoint parses about twice as fast this way.
 */
export interface ItemColumns {
  readonly ids: readonly string[];
  /** `COUNT_FIELDS.length` numbers per item, in `COUNT_FIELDS` order. */
  readonly counts: readonly number[];
  /** `TIME_FIELDS.length` per item, in that order; `null` for never. */
  readonly times: readonly (number | null)[];
  /** Two per item: the affinity's value and time; `null` for none. */
  readonly affinity: readonly (number | null)[];
  /** Impression times of page views no longer open, sorted, item after item; item i's end at `shownEnds[i]`. */
  readonly shown: readonly number[];
  readonly shownEnds: readonly number[];
  /** Per item (by index) with impressions of page views still open: those, by page view id. */
  readonly openPageViews: readonly (readonly [number, readonly (readonly [string, number])[]])[];
  /** Index into the snapshot table, or -1. */
  readonly snapshots: readonly number[];
}

const COUNT_FIELDS = [
  'views',
  'clicks',
  'carts',
  'purchases',
  'impressions',
  'dismissals',
] as const satisfies readonly (keyof ItemRecord)[];
const TIME_FIELDS = ['lastEngaged', 'lastPurchase', 'dismissedAt'] as const satisfies readonly (keyof ItemRecord)[];

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

/**
 * The records as columns. Page views before `pageViewsSince` keep only their impression times: an item
 * is counted once per page view, and only a recent page view can still send an impression of it.
 */
export function itemsToColumns(
  items: ReadonlyMap<string, ItemRecord>,
  table: SnapshotTable,
  pageViewsSince: number,
): ItemColumns {
  const ids: string[] = [];
  const counts: number[] = [];
  const times: (number | null)[] = [];
  const affinity: (number | null)[] = [];
  const shown: number[] = [];
  const shownEnds: number[] = [];
  const openPageViews: [number, [string, number][]][] = [];
  const snapshots: number[] = [];
  for (const [id, record] of items) {
    const open: [string, number][] = [];
    const openTimes: number[] = [];
    for (const [pageViewId, time] of record.pageViews ?? []) {
      if (time < pageViewsSince) continue;
      open.push([pageViewId, time]);
      openTimes.push(time);
    }
    if (open.length > 0) openPageViews.push([ids.length, open]);
    ids.push(id);
    for (const field of COUNT_FIELDS) counts.push(record[field]);
    for (const field of TIME_FIELDS) times.push(record[field] ?? null);
    affinity.push(record.affinity?.value ?? null, record.affinity?.time ?? null);
    for (const time of withoutTimes(record.shown, openTimes)) shown.push(time);
    shownEnds.push(shown.length);
    snapshots.push(table.indexOf(record.snapshot));
  }
  return { ids, counts, times, affinity, shown, shownEnds, openPageViews, snapshots };
}

/** `sorted` less one occurrence of each of `times` (each is in it). */
function withoutTimes(sorted: readonly number[], times: readonly number[]): readonly number[] {
  if (times.length === 0) return sorted;
  const left = [...sorted];
  for (const time of times) left.splice(left.lastIndexOf(time), 1);
  return left;
}

/** The records a checkpoint saved as columns. */
export function itemsFromColumns(columns: ItemColumns, table: readonly ItemSnapshot[]): Map<string, ItemRecord> {
  const items = new Map<string, ItemRecord>();
  const { ids, counts, times, affinity, shown, shownEnds, snapshots } = columns;
  for (let i = 0; i < ids.length; i++) {
    const at = i * COUNT_FIELDS.length;
    const record: ItemRecord = {
      views: counts[at]!,
      clicks: counts[at + 1]!,
      carts: counts[at + 2]!,
      purchases: counts[at + 3]!,
      impressions: counts[at + 4]!,
      dismissals: counts[at + 5]!,
      shown: shown.slice(i === 0 ? 0 : shownEnds[i - 1], shownEnds[i]),
    };
    const t = i * TIME_FIELDS.length;
    if (typeof times[t] === 'number') record.lastEngaged = times[t]!;
    if (typeof times[t + 1] === 'number') record.lastPurchase = times[t + 1]!;
    if (typeof times[t + 2] === 'number') record.dismissedAt = times[t + 2]!;
    const value = affinity[2 * i];
    const since = affinity[2 * i + 1];
    if (typeof value === 'number' && typeof since === 'number') record.affinity = { value, time: since };
    const snapshot = table[snapshots[i]!];
    if (snapshot !== undefined) record.snapshot = snapshot;
    items.set(ids[i]!, record);
  }
  for (const [index, pageViews] of columns.openPageViews) {
    const record = items.get(ids[index]!)!;
    record.pageViews = new Map(pageViews);
    for (const [, time] of pageViews) record.shown.push(time);
    record.shown.sort((a, b) => a - b);
  }
  return items;
}

/** Whether a parsed object has each named column as an array. */
export function isColumns(value: unknown, names: readonly string[]): boolean {
  const columns = value as Record<string, unknown> | undefined;
  return typeof columns === 'object' && columns !== null && names.every((name) => Array.isArray(columns[name]));
}
