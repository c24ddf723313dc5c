import type { EventType, InklingEvent, TrackInput } from './types.js';

const EVENT_TYPES: ReadonlySet<string> = new Set<EventType>(['impression', 'click', 'view', 'add_to_cart', 'purchase', 'dismiss']);

/** Turns what a site passed to `track()` into stored events; throws a `TypeError` naming the mistake. */
export function toEvents(input: TrackInput, defaults: { readonly time: number; readonly pageViewId: string; readonly nextId: () => string }): InklingEvent[] {
  if (!input || typeof input !== 'object') throw new TypeError('track() expects an event object');
  if (!EVENT_TYPES.has(input.type)) throw new TypeError(`track(): unknown event type ${JSON.stringify(input.type)}`);
  const time = input.time ?? defaults.time;
  if (!Number.isFinite(time)) throw new TypeError('track(): time must be ms since epoch');
  if ('itemIds' in input) {
    if (!Array.isArray(input.itemIds) || input.itemIds.some((id) => typeof id !== 'string' || id === '')) {
      throw new TypeError('track(): itemIds must be non-empty strings');
    }
    return input.itemIds.map((itemId) => ({ id: defaults.nextId(), type: 'purchase', itemId, time, pageViewId: defaults.pageViewId, ...(input.value === undefined ? {} : { value: input.value / input.itemIds.length }), ...(input.orderId === undefined ? {} : { orderId: input.orderId }) }));
  }
  if (typeof input.itemId !== 'string' || input.itemId === '') throw new TypeError('track(): itemId must be a non-empty string');
  return [{ id: defaults.nextId(), pageViewId: defaults.pageViewId, ...input, time }];
}
