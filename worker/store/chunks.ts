import type { StoredChunk, StoredEvent } from './schema.js';

/**
 * Events per record. Any size from 250 to 10,000 writes 10,000 events in about the same time; 500
 * keeps the record that retention or eviction rewrites small.
 */
export const CHUNK_EVENTS = 500;

/** One chunk of events (at least one), sorted oldest first so that dropping the oldest is a slice. */
export function toChunk(events: readonly StoredEvent[]): StoredChunk {
  const sorted = [...events].sort(byTime);
  return { first: sorted[0]!.time, last: sorted[sorted.length - 1]!.time, events: sorted };
}

/** A batch as the chunks it is stored in. */
export function toChunks(events: readonly StoredEvent[]): StoredChunk[] {
  const sorted = [...events].sort(byTime);
  const chunks: StoredChunk[] = [];
  for (let start = 0; start < sorted.length; start += CHUNK_EVENTS) chunks.push(toChunk(sorted.slice(start, start + CHUNK_EVENTS)));
  return chunks;
}

/**
 * The events of `lists` (chunks' events), oldest first, each id once: the same event can sit in two
 * chunks (a batch resent from another page's outbox, the same event from two tabs).
 */
export function eventsOf(lists: readonly (readonly StoredEvent[])[]): StoredEvent[] {
  const seen = new Set<string>();
  const events: StoredEvent[] = [];
  for (const list of lists) {
    for (const event of list) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      events.push(event);
    }
  }
  return events.sort(byTime);
}

function byTime(a: { readonly time: number }, b: { readonly time: number }): number {
  return a.time - b.time;
}
