import { describe, expect, it } from 'vitest';
import type { Item } from '../../../common/types.js';
import { matchesFilter, validateRecipe } from '../../../worker/recipe/index.js';

const filterOf = (where: unknown) => {
  const recipe = validateRecipe({ strategies: [{ use: 'original', weight: 1 }], boost: [{ where, by: 2 }] });
  return recipe.boost?.[0]?.where ?? {};
};

describe('matchesFilter', () => {
  const shoe: Item = {
    id: 's1',
    category: 'shoes',
    brand: 'acme',
    tags: ['trail', 'sale'],
    price: 80,
    attributes: { color: 'red', size: 42 },
  };

  it('needs every key to match, and any value of a list', () => {
    expect(matchesFilter(shoe, filterOf({ category: ['hats', 'shoes'], brand: 'acme' }))).toBe(true);
    expect(matchesFilter(shoe, filterOf({ category: 'shoes', brand: 'zeta' }))).toBe(false);
    expect(matchesFilter(shoe, filterOf({ tags: ['new', 'sale'] }))).toBe(true);
    expect(matchesFilter(shoe, filterOf({ tags: 'new' }))).toBe(false);
    expect(matchesFilter(shoe, filterOf({ id: ['s1', 's2'] }))).toBe(true);
  });

  it('reads prices inclusively and never matches an item without a price', () => {
    expect(matchesFilter(shoe, filterOf({ price: { min: 80, max: 80 } }))).toBe(true);
    expect(matchesFilter(shoe, filterOf({ price: { max: 79.99 } }))).toBe(false);
    expect(matchesFilter({ id: 'x' }, filterOf({ price: { min: 0 } }))).toBe(false);
  });

  it('treats a missing inStock as in stock', () => {
    expect(matchesFilter({ id: 'x' }, filterOf({ inStock: true }))).toBe(true);
    expect(matchesFilter({ id: 'x' }, filterOf({ inStock: false }))).toBe(false);
    expect(matchesFilter({ id: 'x', inStock: false }, filterOf({ inStock: false }))).toBe(true);
  });

  it('matches attributes by own property and by type', () => {
    expect(matchesFilter(shoe, filterOf({ attributes: { color: ['red', 'blue'], size: 42 } }))).toBe(true);
    expect(matchesFilter(shoe, filterOf({ attributes: { size: '42' } }))).toBe(false);
    // Only own attributes count: nothing matches through a prototype.
    const inherited = Object.create({ color: 'red' }) as Record<string, string>;
    expect(matchesFilter({ id: 'x', attributes: inherited }, filterOf({ attributes: { color: 'red' } }))).toBe(false);
    expect(matchesFilter({ id: 'x' }, filterOf({ attributes: { color: 'red' } }))).toBe(false);
  });
});
