import type { Recipe } from '../../common/types.js';

/**
 * The recipe a slot gets when it names none: the visitor's taste, with a twentieth of the say left to the
 * page's own order, so that items the model ranks close together keep their curated order and a visitor
 * without a model (every score 0.5) sees the page as it is; never an item bought in the last 30 days (or
 * within its own repurchase window) or one the visitor dismissed. The model already weighs the page's
 * order (its position features); on the early split of all three logs a larger share for the page order
 * ranked worse (docs/recipes.md, "The default recipe").
 */
export const DEFAULT_RECIPE: Recipe = {
  strategies: [
    { use: 'personal', weight: 0.95 },
    { use: 'original', weight: 0.05 },
  ],
  exclude: [{ purchased: { within: '30d' } }, { dismissed: true }],
};
