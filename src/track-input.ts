import type { EventType, InklingEvent, TrackInput } from '../common/types.js';
import { plainEvent } from './tracker/plain-event.js';

// The store keeps its own copy (worker/store/validate.ts): a runtime value shared by the npm entry and its lazy
// in-thread engine makes Rollup move the entry, worker URL included, into a chunk bundlers cannot resolve.
const EVENT_TYPES: ReadonlySet<string> = new Set<EventType>([
  'impression',
  'click',
  'view',
  'add_to_cart',
  'purchase',
  'dismiss',
]);

/** A `TypeError` naming the mistake; its message is built only when there is one (track() runs a hundred times a page). */
function mistake(what: string): never {
  throw new TypeError(what);
}

/** Turns what a site passed to `track()` into stored events; throws a `TypeError` naming the mistake. */
export function toEvents(
  input: TrackInput,
  defaults: { readonly time: number; readonly pageViewId: string; readonly nextId: () => string },
): InklingEvent[] {
  if (!input || typeof input !== 'object') mistake('expects an event object');
  if (!EVENT_TYPES.has(input.type)) mistake(`unknown event type ${JSON.stringify(input.type)}`);
  const time = input.time ?? defaults.time;
  if (!Number.isFinite(time)) mistake('time must be ms since epoch');
  if ('itemIds' in input) {
    const { itemIds, value, orderId } = input;
    if (!Array.isArray(itemIds) || !itemIds.every((id) => typeof id === 'string' && id !== ''))
      mistake('itemIds must be non-empty strings');
    return itemIds.map((itemId) =>
      plainEvent({
        id: defaults.nextId(),
        pageViewId: defaults.pageViewId,
        type: 'purchase',
        itemId,
        orderId,
        value: value === undefined ? value : value / itemIds.length,
        time,
      }),
    );
  }
  if (typeof input.itemId !== 'string' || input.itemId === '') mistake('itemId must be a non-empty string');
  return [plainEvent({ id: defaults.nextId(), pageViewId: defaults.pageViewId, ...input, time })];
}
