import type { ExperimentGroup, Reason } from '../../common/types.js';
import { ruleReason } from './explain.js';

/**
 * The visitor's group: `holdout` when the device's stable draw in [0, 1) falls below the recipe's fraction.
 * The same draw always gives the same group, so a visitor never flips between groups within a recipe.
 */
export function pickGroup(holdout: number | undefined, draw: number): ExperimentGroup {
  return holdout !== undefined && holdout > 0 && draw < holdout ? 'holdout' : 'personalized';
}

/** The reason every item carries in the holdout group. */
export function holdoutReason(holdout: number): Reason {
  const percent = Math.round(holdout * 1000) / 10;
  return ruleReason('holdout', `holdout: page order kept for ${percent}% of visitors, to measure lift`, holdout);
}
