import type { IDBPTransaction } from 'idb';
import type { Database } from './connection.js';
import { UNUSABLE_MARK, type StoreMark } from './event-store.js';
import type { InklingSchema, StoredChunk } from './schema.js';

/**
 * `values` keys: the saved checkpoint, and the generation it must match. The generation is a random
 * number that anything changing stored events other than by an append *deletes* (retention, eviction,
 * erasure): deletes only, because Chromium fails every put while an origin is over its quota, and
 * eviction must still work then.
 */
const CHECKPOINT_KEY = 'checkpoint';
const GENERATION_KEY = 'events-generation';

interface SavedCheckpoint {
  readonly mark: StoreMark;
  readonly state: unknown;
}

type ChunksAndValues = IDBPTransaction<InklingSchema, ('chunks' | 'values')[], 'readwrite'>;

export interface ReadSince {
  readonly state: unknown;
  readonly chunks: StoredChunk[];
  readonly mark: StoreMark;
}

function isSaved(value: unknown): value is SavedCheckpoint {
  const mark = (value as SavedCheckpoint | undefined)?.mark;
  return typeof mark?.through === 'number' && typeof mark.generation === 'number';
}

/**
 * The checkpoint, if it is of the current generation, and the chunks stored after it (all chunks
 * without one), read in one transaction. Chunks keep their key when rewritten and new ones get higher
 * keys, so "after" is a key range. Without a generation (a first start, or after a purge) one is drawn
 * first, so that the mark returned can tell whether a purge came before the checkpoint is saved.
 */
export async function readSince(db: Database): Promise<ReadSince> {
  const read =
    (await readAtGeneration(db)) ??
    (await drawGeneration(db).then(
      () => readAtGeneration(db),
      () => undefined,
    ));
  if (read) return read;
  // The generation cannot be written (a full disk): every event, and a mark no checkpoint is saved with.
  return { state: undefined, chunks: await db.getAll('chunks'), mark: UNUSABLE_MARK };
}

async function readAtGeneration(db: Database): Promise<ReadSince | undefined> {
  const tx = db.transaction(['chunks', 'values']);
  const values = tx.objectStore('values');
  const generation = await values.get(GENERATION_KEY);
  if (typeof generation !== 'number') return undefined;
  const saved = await values.get(CHECKPOINT_KEY);
  const valid = isSaved(saved) && saved.mark.generation === generation;
  const range = valid ? IDBKeyRange.lowerBound(saved.mark.through, true) : undefined;
  const chunks = tx.objectStore('chunks');
  const [keys, records] = await Promise.all([chunks.getAllKeys(range), chunks.getAll(range)]);
  const through = keys.length > 0 ? keys[keys.length - 1]! : valid ? saved.mark.through : 0;
  return { state: valid ? saved.state : undefined, chunks: records, mark: { through, generation } };
}

async function drawGeneration(db: Database): Promise<void> {
  const tx = db.transaction(['values'], 'readwrite');
  const values = tx.objectStore('values');
  const drawn =
    (await values.get(GENERATION_KEY)) === undefined ? values.put(Math.random(), GENERATION_KEY) : undefined;
  await Promise.all([drawn, tx.done]);
}

/** Saves `state` for `mark`, in one transaction with the check that no purge or erasure came between. */
export async function writeCheckpoint(db: Database, state: unknown, mark: StoreMark): Promise<void> {
  if (mark.generation === UNUSABLE_MARK.generation) return;
  const tx = db.transaction(['values'], 'readwrite');
  const values = tx.objectStore('values');
  const current = (await values.get(GENERATION_KEY)) === mark.generation;
  await Promise.all([
    current ? values.put({ mark, state } satisfies SavedCheckpoint, CHECKPOINT_KEY) : undefined,
    tx.done,
  ]);
}

/**
 * Called inside a transaction that changes stored events other than by appending: the checkpoint would
 * hold what is gone (an expired or erased event's traces), so it goes, and so does the generation, so
 * that a checkpoint built from an earlier read is never saved after it.
 */
export async function invalidateCheckpoint(tx: ChunksAndValues): Promise<void> {
  const values = tx.objectStore('values');
  await Promise.all([values.delete(CHECKPOINT_KEY), values.delete(GENERATION_KEY)]);
}
