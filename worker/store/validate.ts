import type { EventType, InklingEvent } from '../../common/types.js';
import type { StoredEvent } from './schema.js';

const TYPES: ReadonlySet<string> = new Set<EventType>([
  'impression',
  'click',
  'view',
  'add_to_cart',
  'purchase',
  'dismiss',
]);
/** How far ahead of the device clock an event may be stamped before it counts as "from the future". */
export const CLOCK_SKEW_MS = 60_000;
/** Optional fields the engine reads, and their type; `null` counts as absent (what JSON makes of it). */
const OPTIONAL_FIELDS: Readonly<Record<string, string>> = {
  id: 'string',
  itemListId: 'string',
  index: 'number',
  value: 'number',
  orderId: 'string',
  dwellMs: 'number',
  pageViewId: 'string',
};
const SNAPSHOT_FIELDS: Readonly<Record<string, string>> = { category: 'string', brand: 'string', price: 'number' };

const typed = (record: Record<string, unknown>, fields: Readonly<Record<string, string>>) => {
  for (const key in fields) if (record[key] != null && typeof record[key] !== fields[key]) return false;
  return true;
};

/** An item snapshot the profile can fold: the known fields of the right type (tags: strings). */
function isSnapshot(item: unknown): boolean {
  if (item == null) return true;
  if (typeof item !== 'object') return false;
  const { tags } = item as { tags?: unknown };
  return (
    typed(item as Record<string, unknown>, SNAPSHOT_FIELDS) &&
    (tags == null || (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string')))
  );
}

/**
 * True for a record the engine can fold; anything else (a half-written record, a foreign write, a
 * record of another version) is dropped: one bad record must never stop the engine.
 */
export function isStorableEvent(value: unknown): value is InklingEvent {
  // Optional chaining, not a typeof check: a primitive has no `type` either. `Number.isFinite` is false for non-numbers.
  const event = value as Partial<InklingEvent> | null | undefined;
  return (
    TYPES.has(event?.type as string) &&
    typeof event!.itemId === 'string' &&
    event!.itemId !== '' &&
    Number.isFinite(event!.time) &&
    typed(event as Record<string, unknown>, OPTIONAL_FIELDS) &&
    isSnapshot(event!.item)
  );
}

/**
 * The events of a `chunks` record that the engine can fold, and how many records (a whole chunk that
 * is no chunk, or single events) had to be skipped.
 */
export function readableEvents(record: unknown): { readonly events: StoredEvent[]; readonly skipped: number } {
  const events = (record as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return { events: [], skipped: 1 };
  const kept = events.filter((event): event is StoredEvent => isStorableEvent(event) && typeof event.id === 'string');
  return { events: kept, skipped: events.length - kept.length };
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
