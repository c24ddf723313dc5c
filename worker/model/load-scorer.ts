import { createJsScorer } from './js-model.js';
import type { Scorer } from './scorer.js';
import { createTfScorer } from './tf-model.js';
import type { ModelWeights } from './weights.js';

/** Which scorer to run: TF.js learns on the device; `js` only scores (and is what runs if TF.js fails). */
export type ScorerChoice = 'tfjs' | 'js';

/** Starts the chosen scorer from `start`, falling back to the plain-JS one with a warning. */
export async function loadScorer(
  choice: ScorerChoice,
  prior: ModelWeights,
  start: ModelWeights,
  warn: (message: string) => void,
): Promise<Scorer> {
  if (choice === 'js') return createJsScorer(start);
  try {
    return await createTfScorer(prior, start);
  } catch (error) {
    warn(`TF.js could not start (${error instanceof Error ? error.message : String(error)}); scoring without on-device learning`);
    return createJsScorer(start);
  }
}
