import type { Opened } from '../engine/lifecycle.js';
import type { EngineRun } from '../engine/run.js';
import { restoreWeights, WEIGHTS_KEY } from '../engine/saved-values.js';
import { createModel, type Model } from '../model/model.js';
import type { ModelWeights } from '../model/weights.js';

/** Which prior the saved weights were fine-tuned from: a site's model.json, by content. */
const PRIOR_KEY = 'model-prior';

/**
 * A model starting from the site's prior, or undefined when it is the prior already in use. The
 * weights this device fine-tuned are kept only when they were learned from this same prior (every page
 * view loads the file again); otherwise learning starts over from it, so a new model.json reaches
 * returning visitors too.
 */
export async function modelForPrior(
  run: EngineRun,
  { store }: Opened,
  current: ModelWeights,
  next: ModelWeights,
  learn: boolean,
): Promise<Model | undefined> {
  const id = JSON.stringify(next);
  if (id === JSON.stringify(current)) return undefined;
  const hash = hashOf(id);
  const same = (await store.getValue<number>(PRIOR_KEY).catch(() => undefined)) === hash;
  const saved = same ? await store.getValue<unknown>(WEIGHTS_KEY).catch(() => undefined) : undefined;
  if (!same && run.mode === 'full') await store.putValue(PRIOR_KEY, hash).catch(() => undefined);
  return createModel({ prior: next, start: restoreWeights(saved, next, run.warn), learn, warn: run.warn });
}

/** A 32-bit FNV-1a hash: tells one model.json from another without storing it twice. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
