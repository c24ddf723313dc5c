import type { StoredChunk, StoredEvent } from './schema.js';

/**
 * Events per record. Any size from 250 to 10,000 writes 10,000 events in about the same time; 500
 * keeps the record that retention or eviction rewrites small.
 */
export const CHUNK_EVENTS = 500;

/**
 * Events as the chunks they are stored in, each sorted oldest first so that dropping a chunk's oldest
 * events is a slice. At most `CHUNK_EVENTS` events make exactly one chunk.
 */
export function toChunks(events: readonly StoredEvent[]): StoredChunk[] {
  const sorted = [...events].sort((a, b) => a.time - b.time);
  const chunks: StoredChunk[] = [];
  for (let start = 0; start < sorted.length; start += CHUNK_EVENTS) {
    const part = sorted.slice(start, start + CHUNK_EVENTS);
    chunks.push({ first: part[0]!.time, last: part[part.length - 1]!.time, events: part });
  }
  return chunks;
}
