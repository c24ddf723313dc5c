import type { InklingEvent } from '../../common/types.js';

/** Longest string kept in a field other than the item id: a label, not a payload. */
const MAX_TEXT = 256;
const MAX_TAGS = 32;

/** Copies `fields` of `from` that are strings (bounded) or finite numbers; anything else is left behind. */
function copy(
  from: Record<string, unknown>,
  fields: string,
  into: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const key of fields.split(' ')) {
    const value = from[key];
    if (typeof value === 'string') into[key] = value.slice(0, MAX_TEXT);
    else if (Number.isFinite(value)) into[key] = value;
  }
  return into;
}

/**
 * The event as plain, bounded JSON data: only the known fields, each a string or a finite number.
 * Whatever else a site's object carries (functions, symbols, DOM nodes, cycles, megabytes) stays on
 * the page, so one event can never fail to reach the worker and hold the queue behind it.
 */
export function plainEvent(event: InklingEvent): InklingEvent {
  const plain = copy(
    event as unknown as Record<string, unknown>,
    'id pageViewId itemListId index value orderId dwellMs',
    { type: event.type, itemId: event.itemId, time: event.time },
  );
  const item = event.item as Record<string, unknown> | undefined;
  if (item && typeof item === 'object') {
    const snapshot = (plain.item = copy(item, 'category brand price'));
    if (Array.isArray(item.tags))
      snapshot.tags = item.tags
        .filter((tag) => typeof tag === 'string')
        .slice(0, MAX_TAGS)
        .map((tag: string) => tag.slice(0, MAX_TEXT));
  }
  return plain as unknown as InklingEvent;
}
