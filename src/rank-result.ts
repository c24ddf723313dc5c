import { assertAccepted } from './checks.js';
import type { WireRanking } from '../common/protocol.js';
import type { Item, Ranking, Reason } from '../common/types.js';

/** Why an item the main thread's list hid is missing from a fallback ranking (`src/suppressed.ts`). */
const HIDDEN: Reason = { kind: 'rule', source: 'exclude', text: 'excluded: you bought or dismissed it' };

/**
 * The page's own order, used whenever personalization is off, held out, or failed; ids in `hidden` (what
 * the visitor bought or dismissed) go to `removed`.
 */
export function originalRanking<T extends Item>(
  items: readonly T[],
  reason: Reason,
  hidden?: ReadonlySet<string>,
): Ranking<T> {
  const entries = items.map((item, index) => ({
    item,
    score: 0,
    originalIndex: index,
    reasons: [hidden?.has(item?.id) ? HIDDEN : reason],
  }));
  return {
    items: entries.filter((entry) => entry.reasons[0] !== HIDDEN),
    removed: entries.filter((entry) => entry.reasons[0] === HIDDEN),
    group: 'personalized',
    fallback: true,
  };
}

/** The fields the engine reads; anything else on a site's object (functions, DOM nodes) stays on the page. */
const ITEM_FIELDS = [
  'category',
  'tags',
  'brand',
  'price',
  'title',
  'popularity',
  'publishedAt',
  'inStock',
  'repurchase',
  'embedding',
  'attributes',
] as const;

/** Keeps only the fields the engine reads, so site objects with functions or DOM nodes can cross to the worker. */
export function toPlainItem(item: Item): Item {
  const plain: Record<string, unknown> = { id: String(item.id) };
  for (const key of ITEM_FIELDS) {
    const value: unknown = item[key];
    // Copies: a frozen array, a typed array or a proxy becomes plain data.
    if (value !== undefined)
      plain[key] =
        Array.isArray(value) || ArrayBuffer.isView(value)
          ? [...(value as number[])]
          : value && typeof value === 'object'
            ? { ...value }
            : value;
  }
  return plain as unknown as Item;
}

/**
 * Puts the caller's own objects (identity and extra fields kept) back in the engine's ranking, by their
 * place in the request: the worker sends each item as its id only, and the engine ranks exactly the
 * items it was sent.
 */
export function restoreItems<T extends Item>(ranking: WireRanking, originals: readonly T[]): Ranking<T> {
  const restore = (entry: WireRanking['items'][number]) => ({ ...entry, item: originals[entry.originalIndex]! });
  return { group: ranking.group, items: ranking.items.map(restore), removed: ranking.removed.map(restore) };
}

/**
 * Throws a `TypeError` naming the first thing `rank(items, { slot })` cannot use: the caller then keeps
 * the original order (empty when `items` is not an array), and the site hears why.
 */
export function checkRankArguments(items: readonly Item[], options: { readonly slot?: unknown } | undefined): void {
  assertAccepted(items, 'array', 'items');
  assertAccepted(options?.slot, 'name', 'options.slot');
  items.forEach((item, index) => assertAccepted(item?.id, 'string|number', `items[${index}].id`));
}
