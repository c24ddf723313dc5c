export { validateRecipe } from './validate.js';
export { parseDuration, tryParseDuration } from './duration.js';
export { RecipeError } from './errors.js';
export { buildHistory, ENGAGEMENT_HALF_LIFE_MS, ENGAGEMENT_LOOKBACK_MS, ENGAGEMENT_WEIGHTS } from './history.js';
export type { CategoryAffinity, EngagementSummary, EngagementVerb, ItemHistory, VisitorHistory } from './history.js';
export { applyRecipe } from './apply.js';
export type { ApplyInput, Candidate } from './apply.js';
export { DEFAULT_RECIPE } from './defaults.js';
export { matchesFilter } from './filter.js';
