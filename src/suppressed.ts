import type { InklingEvent, PrivacyMode } from '../common/types.js';
import { SUPPRESSED_KEY as KEY } from '../common/storage-keys.js';
import { webStorage } from './tracker/web-storage.js';
/** Newest entries kept: a visitor's recent purchases and dismissals, not an order history. */
const MAX_ENTRIES = 200;
/** The default recipe's window for purchases (`worker/recipe/defaults.ts`). */
const PURCHASE_WINDOW_MS = 30 * 86_400_000;

/** One purchase (`p`) or dismissal (`d`) of an item, with its time. */
type Entry = [itemId: string, kind: 'p' | 'd', time: number];

/**
 * The short list of items the visitor bought or dismissed, held on the main thread so that a slot never
 * shows them, whether or not the engine answers in time (budget missed, worker failed or stopped, engine
 * error). It applies the default recipe's rules whatever the slot's recipe: purchases within 30 days,
 * dismissals ever (hiding more than a recipe would is the safe side of a fallback). Items' own
 * `repurchase` windows, other windows and `where` filters are the engine's.
 */
export interface SuppressedList {
  /** Notes a purchase or a dismissal; other events (and mode `off`) are ignored. */
  note(event: InklingEvent, mode: PrivacyMode): void;
  /** The ids among `ids` that must not be shown now. */
  among(ids: readonly string[], mode: PrivacyMode): Set<string>;
  /** Forgets every entry (forget(), consent withdrawn). */
  clear(): void;
}

/**
 * The list, in the Web Storage the mode allows. Where storage is blocked nothing is kept (like the
 * returning-visitor hint): the engine's own exclusions still apply whenever it answers in time.
 */
export function createSuppressedList(): SuppressedList {
  const storage = (mode: PrivacyMode) =>
    mode === 'off' ? undefined : webStorage(mode === 'full' ? 'localStorage' : 'sessionStorage');
  const read = (mode: PrivacyMode): Entry[] => {
    const stored = storage(mode)?.read<unknown>(KEY, []);
    return Array.isArray(stored) ? stored.filter((entry): entry is Entry => Array.isArray(entry)) : [];
  };
  return {
    note(event, mode) {
      const kind = event.type === 'purchase' ? 'p' : event.type === 'dismiss' ? 'd' : undefined;
      if (kind) storage(mode)?.write(KEY, [...read(mode), [event.itemId, kind, event.time]].slice(-MAX_ENTRIES));
    },
    among(ids, mode) {
      const wanted = new Set(ids);
      const now = Date.now();
      return new Set(
        read(mode)
          .filter(([itemId, kind, time]) => wanted.has(itemId) && (kind === 'd' || now - time < PURCHASE_WINDOW_MS))
          .map(([itemId]) => itemId),
      );
    },
    clear() {
      webStorage('localStorage').write(KEY, undefined);
      webStorage('sessionStorage').write(KEY, undefined);
    },
  };
}
