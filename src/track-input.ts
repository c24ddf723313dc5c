import type { EventType, InklingEvent, TrackInput } from './types.js';

const EVENT_TYPES: ReadonlySet<string> = new Set<EventType>(['impression', 'click', 'view', 'add_to_cart', 'purchase', 'dismiss']);

/** Turns what a site passed to `track()` into stored events; throws a `TypeError` naming the mistake. */
export function toEvents(input: TrackInput, defaults: { readonly time: number; readonly pageViewId: string; readonly nextId: () => string }): InklingEvent[] {
  const check = (ok: unknown, mistake: string) => {
    if (!ok) throw new TypeError(`track(): ${mistake}`);
  };
  check(input && typeof input === 'object', 'expects an event object');
  check(EVENT_TYPES.has(input.type), `unknown event type ${JSON.stringify(input.type)}`);
  const time = input.time ?? defaults.time;
  check(Number.isFinite(time), 'time must be ms since epoch');
  const event = (fields: object): InklingEvent => ({ id: defaults.nextId(), pageViewId: defaults.pageViewId, ...fields, time }) as InklingEvent;
  if ('itemIds' in input) {
    const { itemIds, value, orderId } = input;
    check(Array.isArray(itemIds) && itemIds.every((id) => typeof id === 'string' && id !== ''), 'itemIds must be non-empty strings');
    return itemIds.map((itemId) => event({ type: 'purchase', itemId, orderId, value: value === undefined ? value : value / itemIds.length }));
  }
  check(typeof input.itemId === 'string' && input.itemId !== '', 'itemId must be a non-empty string');
  return [event(input)];
}
