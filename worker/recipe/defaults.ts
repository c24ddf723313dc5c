import type { Recipe } from '../../src/types.js';

/**
 * The recipe a slot gets when it names none: mostly the visitor's taste, with a fifth of the say left to
 * the page's own order so that a young model cannot scramble a curated list; never an item bought in
 * the last 30 days (or within its own repurchase window) or one the visitor dismissed.
 */
export const DEFAULT_RECIPE: Recipe = {
  strategies: [
    { use: 'personal', weight: 0.8 },
    { use: 'original', weight: 0.2 },
  ],
  exclude: [{ purchased: { within: '30d' } }, { dismissed: true }],
};
