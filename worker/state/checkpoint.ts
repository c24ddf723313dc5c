import type { ItemSnapshot } from '../../common/types.js';
import { isColumns, itemsFromColumns, itemsToColumns, SnapshotTable, type ItemColumns } from './checkpoint-columns.js';
import type { Profile } from './profile.js';
import { createPurchaseDeduper, type PurchasesSeen } from './purchases.js';
import type { Decayed } from './taste.js';
import type { VisitorState } from './visitor-state.js';
import { restoreChoiceEvidence, saveChoiceEvidence, type SavedChoiceEvidence } from './choice-evidence.js';

/**
 * Bump when `foldEvent`, the item records or the purchase deduper change what they keep: a checkpoint
 * of another version is ignored and the events are read again. 2: one record per item (the rules'
 * history merged into the profile's records) and one taste model (the `similar` strategy's own went).
 */
export const CHECKPOINT_VERSION = 2;
/** A start that read this many events beyond the last checkpoint saves a new one. */
export const CHECKPOINT_AFTER_EVENTS = 1000;
/**
 * Event ids a checkpoint keeps to recognise an event stored twice: a page's outbox resends the batch it
 * could not confirm at its next page view, so the copies are among the newest events.
 */
const KEPT_IDS = 2000;
/** Page views younger than this can still send impressions; older ones keep only their times. */
const OPEN_PAGE_VIEW_MS = 24 * 3600 * 1000;

/**
 * A {@link VisitorState} as saved: one JSON string, Maps as entry lists, the largest parts as columns
 * (`checkpoint-columns.ts`). Reading a string back and parsing it took a third of the time IndexedDB
 * took to clone the same data back as objects (Chromium, a synthetic 60,000 events' state before the
 * columns: 26 against 87 ms).
 */
interface SavedState {
  readonly version: number;
  /** Item snapshots, each distinct one once; the columns point into it. */
  readonly snapshots: readonly ItemSnapshot[];
  readonly profile: Omit<Profile, 'categories' | 'tags' | 'brands' | 'items'> & {
    readonly categories: readonly [string, Decayed][];
    readonly tags: readonly [string, Decayed][];
    readonly brands: readonly [string, Decayed][];
    readonly items: ItemColumns;
  };
  readonly purchases: readonly [string, PurchasesSeen extends ReadonlyMap<string, infer V> ? V : never][];
  readonly seenIds: readonly string[];
  /** `VisitorState.folded`; absent in checkpoints of earlier builds. */
  readonly folded?: number;
  /** `VisitorState.choices`; absent in checkpoints of earlier builds (the evidence then starts at the checkpoint). */
  readonly choices?: SavedChoiceEvidence;
}

/** `state` at `now` as a checkpoint: a string, so later folds cannot change it. */
export function takeCheckpoint(state: VisitorState, now: number): string {
  const { categories, tags, brands, items, ...totals } = state.profile;
  const table = new SnapshotTable();
  const saved: SavedState = {
    version: CHECKPOINT_VERSION,
    profile: {
      ...totals,
      categories: [...categories],
      tags: [...tags],
      brands: [...brands],
      items: itemsToColumns(items, table, now - OPEN_PAGE_VIEW_MS),
    },
    snapshots: table.entries,
    purchases: [...state.purchases.seen()],
    // A Set iterates in insertion order, and events are folded oldest first.
    seenIds: [...state.seenIds].slice(-KEPT_IDS),
    folded: state.folded,
    choices: saveChoiceEvidence(state.choices),
  };
  return JSON.stringify(saved);
}

/** The state a checkpoint saved, or `undefined` when it is of another version or not a checkpoint at all. */
export function restoreCheckpoint(checkpoint: unknown): VisitorState | undefined {
  if (typeof checkpoint !== 'string') return undefined;
  let saved: Partial<SavedState>;
  try {
    saved = JSON.parse(checkpoint) as Partial<SavedState>;
  } catch {
    return undefined;
  }
  const { version, snapshots, profile, purchases, seenIds, folded, choices } = saved;
  const lists = [snapshots, profile?.categories, profile?.tags, profile?.brands, profile?.recent, purchases, seenIds];
  const valid =
    version === CHECKPOINT_VERSION &&
    lists.every(Array.isArray) &&
    isDecayed(profile?.engaged) &&
    isColumns(profile?.items, [
      'ids',
      'counts',
      'times',
      'affinity',
      'shown',
      'shownEnds',
      'openPageViews',
      'snapshots',
    ]);
  if (!valid || !snapshots || !profile || !purchases || !seenIds) return undefined;
  return {
    profile: {
      ...profile,
      categories: new Map(profile.categories),
      tags: new Map(profile.tags),
      brands: new Map(profile.brands),
      items: itemsFromColumns(profile.items, snapshots),
    },
    purchases: createPurchaseDeduper(new Map(purchases)),
    seenIds: new Set(seenIds),
    choices: restoreChoiceEvidence(choices),
    // Without the count (an earlier build's checkpoint), the kept ids are a floor: the cap then acts late, never early.
    folded: typeof folded === 'number' && folded >= 0 ? folded : seenIds.length,
  };
}

function isDecayed(value: unknown): value is Decayed {
  const decayed = value as Partial<Decayed> | undefined;
  return (
    typeof decayed === 'object' && decayed !== null && Number.isFinite(decayed.value) && Number.isFinite(decayed.time)
  );
}
