import type { Recipe } from '../common/types.js';
import { DEFAULT_RECIPE, RecipeError, validateRecipe } from './recipe/index.js';

/**
 * The named recipes the site configured. Each is validated once; a bad one is kept as its error so
 * that only the slots that use it fall back to their original order (with that error), not the page.
 */
export class RecipeRegistry {
  private named = new Map<string, Recipe | RecipeError>();

  /** Replaces the named recipes. Keys like `__proto__` stay plain map keys, never object properties. */
  configure(recipes: Readonly<Record<string, unknown>>): void {
    this.named = new Map();
    for (const name of Object.keys(recipes)) {
      try {
        this.named.set(name, validateRecipe(recipes[name], `recipes.${name}`));
      } catch (error) {
        if (!(error instanceof RecipeError)) throw error;
        this.named.set(name, error);
      }
    }
  }

  /** The recipe for a request: a name, an inline recipe (validated here: it crossed from the page), or the default. */
  resolve(requested: string | Recipe | undefined): Recipe {
    if (requested !== undefined && typeof requested !== 'string') return validateRecipe(requested);
    const found = this.named.get(requested ?? 'default');
    if (found instanceof RecipeError) throw found;
    if (found) return found;
    if (requested !== undefined && requested !== 'default') throw new Error(`unknown recipe "${requested}"`);
    return DEFAULT_RECIPE;
  }
}
