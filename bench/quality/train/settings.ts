import type { FEATURE_NAMES } from '../../../worker/features.js';
import type { FitOptions } from './fit.js';

/** A weight per feature name, for the features the offline fit must not train. */
export type HandSet = Readonly<Partial<Record<(typeof FEATURE_NAMES)[number], number>>>;

/**
 * Weights the training lists cannot teach, hand-set and never trained (docs/model.md, "Hand-set weights").
 * - Taste affinities (category, tag, brand): trivago has none of these attributes, and in rees46 and
 *   taobao the candidates of a list are drawn from the categories the session already touched, so nearly
 *   every candidate has the same category affinity and a listwise fit sees almost no signal (it learned
 *   0.39 for categories and -1.9 for tags, which broke the SDK's core promise: after a few clicks in one
 *   category, that category comes first). They are set non-negative, large enough that a category the
 *   visitor clicked twice outranks the site's first slots under the default recipe (the engine tests
 *   check this), and on-device fine-tuning adjusts them per visitor.
 * - Purchased and dismissed: the engine's recipe rules already exclude these items; a mild demotion keeps
 *   the model consistent when a recipe drops those rules. Trivago has neither event.
 */
export const HAND_SET: HandSet = {
  categoryAffinity: 3,
  tagAffinity: 1,
  brandAffinity: 0.8,
  itemPurchased: -1,
  itemDismissed: -3,
};

/** With `--trivago-only` the fit has no carts or shared attributes either, so these are hand-set too. */
export const TRIVAGO_ONLY_HAND_SET: HandSet = {
  ...HAND_SET,
  itemCarts: 1,
  similarToRecent: 1,
};

/** Hyper-parameters, chosen on the last fifth (by time) of the early split. */
export const LOGISTIC: FitOptions = {
  kind: 'logistic',
  hidden: 0,
  epochs: 12,
  learningRate: 0.02,
  l2: 1e-4,
  listsPerBatch: 32,
  seed: 7,
};
export const MLP: FitOptions = {
  kind: 'mlp',
  hidden: 16,
  epochs: 20,
  learningRate: 0.003,
  l2: 1e-4,
  listsPerBatch: 32,
  seed: 7,
};
