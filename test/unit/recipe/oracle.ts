import type { InklingEvent, Item, ItemFilter, Recipe } from '../../../common/types.js';

// Independent re-statements of the rules, computed straight from raw events and items, so that the
// property tests do not trust the module's own history or filter code.

const UNIT = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as Record<string, number>;

/** The test's own duration reading: digits then s, m, h or d. */
export function ms(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^(\d+)([smhd])$/.exec(text);
  return match === null ? undefined : Number(match[1]) * (UNIT[match[2] as string] as number);
}

function latest(events: readonly InklingEvent[], id: string, types: readonly string[]): number | undefined {
  let time: number | undefined;
  for (const e of events)
    if (e.itemId === id && types.includes(e.type) && (time === undefined || e.time > time)) time = e.time;
  return time;
}

function list<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** The filter semantics of docs/recipes.md. */
export function oracleMatches(item: Item, f: ItemFilter): boolean {
  if (f.id !== undefined && !list(f.id).includes(item.id)) return false;
  if (f.category !== undefined && !(item.category !== undefined && list(f.category).includes(item.category)))
    return false;
  if (f.brand !== undefined && !(item.brand !== undefined && list(f.brand).includes(item.brand))) return false;
  if (f.tags !== undefined && !(item.tags ?? []).some((t) => list(f.tags as string).includes(t))) return false;
  if (f.inStock !== undefined && (item.inStock ?? true) !== f.inStock) return false;
  if (f.price !== undefined) {
    if (item.price === undefined) return false;
    if (f.price.min !== undefined && item.price < f.price.min) return false;
    if (f.price.max !== undefined && item.price > f.price.max) return false;
  }
  return true;
}

/** Whether rule 1 must remove the item. */
export function oracleExcluded(item: Item, recipe: Recipe, events: readonly InklingEvent[], now: number): boolean {
  return (recipe.exclude ?? []).some((rule) => {
    if ('where' in rule) return oracleMatches(item, rule.where);
    if ('purchased' in rule) {
      const time = latest(events, item.id, ['purchase']);
      const window =
        ms(item.repurchase) ?? (rule.purchased === true ? Infinity : (ms(rule.purchased.within) as number));
      return time !== undefined && now - time < window;
    }
    const time = latest(events, item.id, ['dismiss']);
    const window = rule.dismissed === true ? Infinity : (ms(rule.dismissed.within) as number);
    return time !== undefined && now - time < window;
  });
}

/** Whether rule 2 caps the item: page views with an impression after the window start and the last engagement. */
export function oracleCapped(item: Item, recipe: Recipe, events: readonly InklingEvent[], now: number): boolean {
  const cap = recipe.cap;
  if (cap === undefined) return false;
  const engaged = latest(events, item.id, ['click', 'view', 'add_to_cart', 'purchase']) ?? -Infinity;
  const from = Math.max(now - (ms(cap.within) as number), engaged);
  const firstPerPageView = new Map<string, number>();
  let count = 0;
  events.forEach((e, i) => {
    if (e.itemId !== item.id || e.type !== 'impression') return;
    const key = e.pageViewId ?? `solo${i}`;
    firstPerPageView.set(key, Math.min(firstPerPageView.get(key) ?? Infinity, e.time));
  });
  for (const time of firstPerPageView.values()) if (time > from) count++;
  return count >= cap.impressionsWithoutClick;
}

function tokens(title: string | undefined): Set<string> | undefined {
  return title === undefined ? undefined : new Set(title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Near-duplicates as docs/recipes.md defines them. */
export function oracleNearDuplicate(a: Item, b: Item, threshold: number): boolean {
  if (a.id === b.id) return true;
  if (a.embedding && b.embedding && a.embedding.length === b.embedding.length) {
    const dot = a.embedding.reduce((s, x, i) => s + x * (b.embedding?.[i] ?? 0), 0);
    const squares = (v: readonly number[]): number => v.reduce((s, x) => s + x * x, 0);
    // One square root of the product, not a product of two norms (Math.hypot): the latter gives
    // 0.9999999999999998 for [0.7, 0.7] against itself, so identical embeddings would not be
    // near-duplicates at threshold 1 (fast-check draws that bound often).
    const norm = Math.sqrt(squares(a.embedding) * squares(b.embedding));
    if (norm > 0 && dot / norm >= threshold) return true;
  }
  const ta = tokens(a.title);
  const tb = tokens(b.title);
  if (ta === undefined || tb === undefined || ta.size === 0 || tb.size === 0) return false;
  const shared = [...ta].filter((t) => tb.has(t)).length;
  return shared / (ta.size + tb.size - shared) >= threshold;
}

/** The diversity field's value, or undefined. */
export function oracleField(item: Item, field: string): string | undefined {
  if (field === 'category') return item.category;
  if (field === 'brand') return item.brand;
  const value = item.attributes?.[field.slice('attributes.'.length)];
  return value === undefined ? undefined : String(value);
}
