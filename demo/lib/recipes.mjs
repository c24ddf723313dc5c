// The recipes block the demo declares (schema: src/types/recipe.ts). The marketer's story:
// personal taste first, with trending and new arrivals mixed in; never re-offer what the visitor
// just bought or dismissed; stop pushing what they keep ignoring; keep the top of every list varied;
// and on the home rail, the promoted item always comes first.

/** Rules every slot shares. */
function baseRecipe() {
  return {
    strategies: [
      { use: 'personal', weight: 0.6 },
      { use: 'trending', weight: 0.25 },
      { use: 'recent', weight: 0.15 },
    ],
    exclude: [{ purchased: { within: '30d' } }, { dismissed: true }],
    cap: { impressionsWithoutClick: 5, within: '1h', mode: 'sink' },
    diversity: { field: 'category', maxPerTop: { k: 10, max: 3 } },
  };
}

/**
 * `default` applies to every slot without its own recipe; `home-rail` adds an out-of-stock
 * exclusion (a rail of recommendations should be buyable) and pins `promotedId` at position 0.
 * There is deliberately no `holdout`, so that every visitor of the demo sees personalization.
 */
export function makeRecipes(promotedId) {
  const rail = baseRecipe();
  return {
    default: baseRecipe(),
    'home-rail': {
      ...rail,
      exclude: [...rail.exclude, { where: { inStock: false } }],
      boost: [{ where: { category: 'outlet' }, by: 1.2 }],
      pin: { [promotedId]: 0 },
    },
  };
}
