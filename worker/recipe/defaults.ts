import type { Recipe } from '../../common/types.js';

/**
 * The recipe a slot gets when it names none: the model alone, never an item bought in the last 30 days
 * (or within its own repurchase window) or one the visitor dismissed. The model already treats the
 * page's order as the site's evidence (`baseOrder`; popularity's order when the slot says `order:
 * 'none'`) and nothing else about an item alone, so a visitor with no history sees the page's order
 * exactly, and only evidence about this visitor moves an item (docs/recipes.md, "The default recipe").
 */
export const DEFAULT_RECIPE: Recipe = {
  strategies: [{ use: 'personal', weight: 1 }],
  exclude: [{ purchased: { within: '30d' } }, { dismissed: true }],
};

/** The model alone with no exclusion rule: what the quality bench calls "model only". */
export const MODEL_ONLY_RECIPE: Recipe = {
  strategies: [{ use: 'personal', weight: 1 }],
};
