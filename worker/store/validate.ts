import type { EventType, InklingEvent } from '../../common/types.js';
import type { StoredEvent } from './schema.js';

const TYPES: ReadonlySet<string> = new Set<EventType>(['impression', 'click', 'view', 'add_to_cart', 'purchase', 'dismiss']);
/** How far ahead of the device clock an event may be stamped before it counts as "from the future". */
export const CLOCK_SKEW_MS = 60_000;

/** True for a record the engine can fold; anything else (a half-written record, a foreign write) is dropped. */
export function isStorableEvent(value: unknown): value is InklingEvent {
  // Optional chaining, not a typeof check: a primitive has no `type` either. `Number.isFinite` is false for non-numbers.
  const event = value as Partial<InklingEvent> | null | undefined;
  return TYPES.has(event?.type as string) && typeof event!.itemId === 'string' && event!.itemId !== '' && Number.isFinite(event!.time);
}

/**
 * What the store writes: an id (events from elsewhere get one) and a time no later than `now`, so that
 * an event stamped by a wrong clock still ages out with the retention period instead of never.
 */
export function toStored(event: InklingEvent, now: number): StoredEvent {
  const id = event.id || Math.random().toString(36).slice(2);
  const time = event.time > now + CLOCK_SKEW_MS ? now : event.time;
  return id === event.id && time === event.time ? (event as StoredEvent) : { ...event, id, time };
}
