import type { InklingEvent, Item } from '../../common/types.js';
import { FEATURE_COUNT, featurize } from '../features.js';
import type { Profile } from '../state/profile.js';
import type { TrainingBatch } from './scorer.js';

/** A purchase says more than a click; an ignored impression counts once. */
const POSITIVE_WEIGHT: Partial<Record<InklingEvent['type'], number>> = { click: 1, add_to_cart: 2, purchase: 3 };

/** One ranking's feature rows (never written after the ranking), indexed by id when first needed. */
interface ServedRows {
  readonly ids: readonly string[];
  readonly rows: Float32Array;
  index?: Map<string, number>;
}

interface Example {
  readonly row: Float32Array;
  label: number;
  readonly weight: number;
}

/**
 * Turns events into labelled examples, each featurized with the profile as it was *before* the
 * event (otherwise "clicked this item" would leak into its own label). Impressions wait until their
 * page view ends: clicked in the same page view = positive, never clicked = negative.
 */
export class ExampleCollector {
  private pending = new Map<string, Example>();
  private pageViewId: string | undefined;
  private ready: Example[] = [];
  /** The rows the last ranking of each slot scored, so that examples train on exactly what was served. */
  private served = new Map<string, ServedRows>();

  /**
   * Remembers the feature rows of a ranking. Features such as relative price or popularity are
   * measured against the whole list; re-computing them for one item later would skew training.
   */
  rememberServed(slot: string, ids: readonly string[], rows: Float32Array): void {
    // Kept whole and indexed on the first impression: most rankings see few impressions before the
    // next one, and copying 1,000 rows into a map on every ranking cost more than the model.
    this.served.set(slot, { ids, rows });
  }

  /** Call with each event before it is folded into `profile`. */
  observe(event: InklingEvent, profile: Profile): void {
    if (event.pageViewId !== undefined && event.pageViewId !== this.pageViewId) {
      this.closePageView();
      this.pageViewId = event.pageViewId;
    }
    const key = `${event.itemListId ?? ''}\u0000${event.itemId}`;
    if (event.type === 'impression') {
      if (!this.pending.has(key))
        this.pending.set(key, { row: this.servedRow(event) ?? rowFor(event, profile), label: 0, weight: 1 });
      return;
    }
    const weight = POSITIVE_WEIGHT[event.type];
    if (weight === undefined) return;
    const shown = this.pending.get(key);
    if (shown) {
      shown.label = 1;
      this.pending.delete(key);
      this.ready.push({ ...shown, weight });
    } else {
      // A click before its impression was counted (or without one): still the row its list was served
      // with, so the example keeps its place against the rest of the list; a one-item row only when
      // the slot was never ranked.
      this.ready.push({ row: this.servedRow(event) ?? rowFor(event, profile), label: 1, weight });
    }
  }

  private servedRow(event: InklingEvent): Float32Array | undefined {
    const served = this.served.get(event.itemListId ?? '');
    if (served === undefined) return undefined;
    if (served.index === undefined) {
      // The last entry of an id wins, as in a map filled in list order.
      served.index = new Map();
      served.ids.forEach((id, i) => served.index!.set(id, i));
    }
    const i = served.index.get(event.itemId);
    return i === undefined ? undefined : served.rows.slice(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT);
  }

  /** Impressions of the current page view become negatives at the end of the page view. */
  closePageView(): void {
    for (const example of this.pending.values()) this.ready.push(example);
    this.pending.clear();
  }

  /** Takes up to `limit` finished examples as one batch. */
  take(limit: number): TrainingBatch {
    const examples = this.ready.splice(0, limit);
    const rows = new Float32Array(examples.length * FEATURE_COUNT);
    examples.forEach((example, i) => rows.set(example.row, i * FEATURE_COUNT));
    return {
      rows,
      labels: Float32Array.from(examples, (example) => example.label),
      weights: Float32Array.from(examples, (example) => example.weight),
      count: examples.length,
    };
  }

  /** Drops the oldest finished examples beyond `limit`: what a capped trainer could not reach in time is stale. */
  keepNewest(limit: number): void {
    if (this.ready.length > limit) this.ready.splice(0, this.ready.length - limit);
  }

  get size(): number {
    return this.ready.length;
  }

  clear(): void {
    this.pending.clear();
    this.served.clear();
    this.ready = [];
    this.pageViewId = undefined;
  }
}

function rowFor(event: InklingEvent, profile: Profile): Float32Array {
  const item: Item = { id: event.itemId, ...event.item };
  return featurize([item], profile, { time: event.time }, event.time, { positions: [event.index ?? 0] });
}
