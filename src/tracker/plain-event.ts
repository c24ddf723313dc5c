import type { InklingEvent } from '../types.js';

/** Longest string kept in an event field other than the item id: a label, not a payload. */
const MAX_TEXT = 256;
const MAX_TAGS = 32;

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined);
const finite = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * The event as plain, bounded JSON data: only the known fields, each of its type. Whatever else a site's
 * object carries (functions, symbols, DOM nodes, cycles, megabytes) stays on the page, so one event can
 * never fail to reach the worker and hold the queue behind it.
 */
export function plainEvent(event: InklingEvent): InklingEvent {
  const item = event.item as Record<string, unknown> | undefined;
  const tags = item && Array.isArray(item.tags) ? item.tags.filter((tag) => typeof tag === 'string').slice(0, MAX_TAGS).map(text) : undefined;
  const snapshot = item && typeof item === 'object' ? { category: text(item.category), tags, brand: text(item.brand), price: finite(item.price) } : undefined;
  const plain: Record<string, unknown> = {
    id: text(event.id),
    pageViewId: text(event.pageViewId),
    type: event.type,
    itemId: event.itemId,
    itemListId: text(event.itemListId),
    index: finite(event.index),
    value: finite(event.value),
    orderId: text(event.orderId),
    dwellMs: finite(event.dwellMs),
    time: event.time,
    item: snapshot && withoutUndefined(snapshot),
  };
  return withoutUndefined(plain) as unknown as InklingEvent;
}

function withoutUndefined<T extends Record<string, unknown>>(object: T): T {
  for (const key in object) if (object[key] === undefined) delete object[key];
  return object;
}


