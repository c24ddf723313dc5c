import type { DiversityRule, Item, Reason } from '../../../common/types.js';
import { ruleReason } from '../explain.js';
import { cosine, jaccard, titleTokens } from './similarity.js';

/**
 * How many entries that fit the count limit are tested against a neighbour before a near-duplicate is
 * allowed to stay: an item is never pulled up past more than this many others just to avoid a look-alike,
 * and a list of look-alikes costs at most this many comparisons per position.
 */
export const NEAR_DUPLICATE_LOOKAHEAD = 50;

/** What {@link arrange} orders: entries are indexes into `items`. */
export interface ArrangeInput {
  readonly items: readonly Item[];
  /** Unpinned entries, best first: the uncapped tier, then from `sunkFrom` on the capped (sunk) tier. */
  readonly order: readonly number[];
  readonly sunkFrom: number;
  /** From {@link layoutPins}: the entry pinned at each position, or -1. */
  readonly slots: Int32Array;
  readonly rule: DiversityRule | undefined;
  /** Records why an entry moved. */
  readonly note: (entry: number, reason: Reason) => void;
}

/** The value `field` names: `category`, `brand` or `attributes.<name>`; `undefined` is never limited. */
export function fieldValue(item: Item, field: string): string | undefined {
  let value: unknown;
  if (field === 'category') value = item.category;
  else if (field === 'brand') value = item.brand;
  else {
    const name = field.slice('attributes.'.length);
    const attributes = item.attributes;
    value =
      attributes !== undefined && attributes !== null && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
  }
  if (value === undefined || value === null) return undefined;
  // Typed keys, so that the string "1" and the number 1 do not share a count by accident. A value with
  // no string form (an object whose toString is not a function) is never limited, like a missing one.
  try {
    return `${typeof value}:${String(value)}`;
  } catch {
    return undefined;
  }
}

/** Near-duplicates: same id, titles with token Jaccard >= threshold, or embeddings with cosine >= threshold. */
export function nearDuplicateTest(items: readonly Item[], threshold: number): (a: number, b: number) => boolean {
  // Tokenized on first use: only items that reach the top k are ever compared.
  const tokens = new Array<ReadonlySet<string> | null | undefined>(items.length).fill(undefined);
  const tokensOf = (entry: number): ReadonlySet<string> | null => {
    let cached = tokens[entry];
    if (cached === undefined) {
      const title = (items[entry] as Item).title;
      tokens[entry] = cached = typeof title === 'string' ? titleTokens(title) : null;
    }
    return cached;
  };
  return (a, b) => {
    const itemA = items[a] as Item;
    const itemB = items[b] as Item;
    if (itemA.id === itemB.id) return true;
    const ea = itemA.embedding;
    const eb = itemB.embedding;
    if (Array.isArray(ea) && Array.isArray(eb) && ea.length > 0 && cosine(ea, eb) >= threshold) return true;
    const ta = tokensOf(a);
    const tb = tokensOf(b);
    return ta !== null && tb !== null && jaccard(ta, tb) >= threshold;
  };
}

/**
 * Fills the free positions around the pins. Within the top k of each diversity limit it takes, from the
 * current tier (uncapped first; capped only once no uncapped entry is left), the best entry that keeps
 * the limits: at most `max` per field value counting pinned items, and no near-duplicate next to it.
 * When no entry keeps both (among the first {@link NEAR_DUPLICATE_LOOKAHEAD} that fit the count limit), the best
 * one that keeps the count limit, else simply the best one: the list stays complete and a limit gives way only
 * where the catalog leaves no choice.
 */
export function arrange(input: ArrangeInput): Int32Array {
  const { items, order, sunkFrom, slots, rule, note } = input;
  const length = slots.length;
  const result = new Int32Array(length);
  const used = new Uint8Array(order.length);
  const field = rule?.field ?? 'category';
  const countK = Math.min(rule?.maxPerTop?.k ?? 0, length);
  const max = rule?.maxPerTop?.max ?? Infinity;
  const dupK = Math.min(rule?.nearDuplicates?.k ?? 0, length);
  const isDuplicate = rule?.nearDuplicates ? nearDuplicateTest(items, rule.nearDuplicates.threshold) : () => false;
  const values = new Array<string | null | undefined>(items.length).fill(undefined);
  const valueOf = (entry: number): string | undefined => {
    let value = values[entry];
    if (value === undefined) values[entry] = value = fieldValue(items[entry] as Item, field) ?? null;
    return value ?? undefined;
  };
  const counts = new Map<string, number>();
  const count = (entry: number): void => {
    const value = valueOf(entry);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  };
  for (let p = 0; p < countK; p++) if ((slots[p] as number) >= 0) count(slots[p] as number);
  const noted = new Uint8Array(items.length);
  const fits = (p: number, entry: number): boolean => {
    const value = valueOf(entry);
    return p >= countK || value === undefined || (counts.get(value) ?? 0) < max;
  };
  // Counts only grow, so once a tier has no entry that fits the count limit, none will fit later in the top k.
  const exhausted = [false, false];
  let head = 0;
  for (let p = 0; p < length; p++) {
    if ((slots[p] as number) >= 0) {
      result[p] = slots[p] as number;
      continue;
    }
    while (used[head] === 1) head++;
    let pick = head;
    const tier = head < sunkFrom ? 0 : 1;
    const left = p > 0 ? (result[p - 1] as number) : -1;
    const right = p + 1 < dupK ? (slots[p + 1] as number) : -1;
    // Set when no entry kept both limits here, so that the one placed anyway says why.
    let relaxed = p < countK && exhausted[tier] === true;
    if ((p < countK && !exhausted[tier]) || (p >= countK && p < dupK)) {
      const tierEnd = tier === 0 ? sunkFrom : order.length;
      let countOnly = -1;
      let eligible = -1;
      let tested = 0;
      for (let j = head; j < tierEnd && tested < NEAR_DUPLICATE_LOOKAHEAD; j++) {
        if (used[j] === 1) continue;
        const entry = order[j] as number;
        if (!fits(p, entry)) continue;
        if (p >= dupK || ((left < 0 || !isDuplicate(left, entry)) && (right < 0 || !isDuplicate(entry, right)))) {
          eligible = j;
          break;
        }
        if (countOnly === -1) countOnly = j;
        tested++;
      }
      if (eligible === -1 && countOnly === -1 && p < countK) exhausted[tier] = true;
      pick = eligible !== -1 ? eligible : countOnly !== -1 ? countOnly : head;
      relaxed = eligible === -1;
      // Only entries passed over for the one picked moved down; words are built for those alone.
      for (let j = head; j < pick; j++) {
        const entry = order[j] as number;
        if (used[j] === 1 || noted[entry] === 1) continue;
        noted[entry] = 1;
        const value = valueOf(entry);
        const why = fits(p, entry)
          ? 'too similar to its neighbour'
          : `already ${max} items with ${field} ${value?.slice(value.indexOf(':') + 1)} in the top ${countK}`;
        note(entry, ruleReason('diversity', `diversity: moved down, ${why}`));
      }
    }
    used[pick] = 1;
    const entry = order[pick] as number;
    result[p] = entry;
    if (relaxed) {
      const value = valueOf(entry);
      const why = !fits(p, entry)
        ? `already ${max} items with ${field} ${value?.slice(value.indexOf(':') + 1)} in the top ${countK}`
        : p < dupK && ((left >= 0 && isDuplicate(left, entry)) || (right >= 0 && isDuplicate(entry, right)))
          ? 'next to a look-alike'
          : undefined;
      if (why !== undefined)
        note(entry, ruleReason('diversity', `diversity: limit relaxed (${why}), no other item fits here`));
    }
    if (p < countK) count(entry);
  }
  return result;
}
