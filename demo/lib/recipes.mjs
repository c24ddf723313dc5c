// The recipes block the demo declares (schema: src/types/recipe.ts). The marketer's story:
// personal taste first, with trending and new arrivals mixed in; never re-offer what the visitor
// just bought or dismissed, nor anything sold out; stop pushing what they keep ignoring; keep the top of every list varied;
// and on the home rail, the promoted item always comes first.

/** Rules every slot shares. */
function baseRecipe() {
  return {
    strategies: [
      { use: 'personal', weight: 0.8 },
      { use: 'trending', weight: 0.1 },
      { use: 'recent', weight: 0.1 },
    ],
    // A sold-out item is never put forward: it moves past the buyable ones, out of the first tiles.
    exclude: [{ purchased: { within: '30d' } }, { dismissed: true }, { where: { inStock: false } }],
    cap: { impressionsWithoutClick: 5, within: '1h', mode: 'sink' },
    diversity: { field: 'category', maxPerTop: { k: 10, max: 3 } },
  };
}

/**
 * `default` applies to every slot without its own recipe (the home grid, the category pages); `home-rail`
 * also boosts the outlet and pins `promotedId` at position 0.
 * There is deliberately no `holdout`, so that every visitor of the demo sees personalization.
 */
export function makeRecipes(promotedId) {
  const rail = baseRecipe();
  return {
    default: baseRecipe(),
    'home-rail': {
      ...rail,
      boost: [{ where: { category: 'outlet' }, by: 1.2 }],
      pin: { [promotedId]: 0 },
    },
  };
}
