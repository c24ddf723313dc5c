import type { Item, Ranking, Reason } from './types.js';

/** The page's own order, used whenever personalization is off, held out, or failed. */
export function originalRanking<T extends Item>(items: readonly T[], reason: Reason, group: Ranking['group'] = 'personalized'): Ranking<T> {
  return {
    items: items.map((item, index) => ({ item, score: 0, originalIndex: index, reasons: [reason] })),
    removed: [],
    group,
    fallback: true,
  };
}

/** Keeps only the fields the engine reads, so site objects with functions or DOM nodes can cross to the worker. */
export function toPlainItem(item: Item): Item {
  const { id, category, tags, brand, price, title, popularity, publishedAt, inStock, repurchase, embedding, attributes } = item;
  const plain: Record<string, unknown> = { id: String(id) };
  const fields = { category, tags: tags && [...tags], brand, price, title, popularity, publishedAt, inStock, repurchase, embedding: embedding && [...embedding], attributes: attributes && { ...attributes } };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) plain[key] = value;
  return plain as unknown as Item;
}

/** Maps the engine's plain items back to the caller's own objects (identity and extra fields kept). */
export function restoreItems<T extends Item>(ranking: Ranking, originals: readonly T[]): Ranking<T> {
  const byId = new Map<string, T[]>();
  for (const item of originals) {
    const list = byId.get(item.id) ?? [];
    list.push(item);
    byId.set(item.id, list);
  }
  const restore = (entry: Ranking['items'][number]) => ({ ...entry, item: byId.get(entry.item.id)?.shift() ?? (entry.item as T) });
  return { group: ranking.group, items: ranking.items.map(restore), removed: ranking.removed.map(restore) };
}
