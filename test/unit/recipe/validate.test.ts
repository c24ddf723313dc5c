import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPE, RecipeError, validateRecipe } from '../../../worker/recipe/index.js';

const base = { strategies: [{ use: 'personal', weight: 1 }] };

/** Runs the validator and returns the error it threw. */
function errorOf(input: unknown): RecipeError {
  try {
    validateRecipe(input);
  } catch (error) {
    if (error instanceof RecipeError) return error;
    throw error;
  }
  throw new Error('expected validateRecipe to throw');
}

describe('validateRecipe accepts', () => {
  it('the design document example and returns an equal copy', () => {
    const recipe = {
      strategies: [
        { use: 'personal', weight: 0.7 },
        { use: 'trending', weight: 0.3 },
      ],
      exclude: [{ purchased: { within: '30d' } }, { where: { inStock: false } }, { dismissed: true }],
      cap: { impressionsWithoutClick: 5, within: '1h', mode: 'drop' },
      rotation: { rate: 0.2, within: '2h' },
      boost: [{ where: { category: 'sale', attributes: { color: ['red', 'blue'] } }, by: 1.5 }],
      diversity: { field: 'category', maxPerTop: { k: 10, max: 3 }, nearDuplicates: { k: 10, threshold: 0.8 } },
      pin: { 'sku-42': 0 },
      holdout: 0.05,
    };
    const validated = validateRecipe(recipe);
    expect(validated).toEqual({ ...recipe, pin: expect.objectContaining({ 'sku-42': 0 }) });
    expect(validated).not.toBe(recipe);
    expect(Object.isFrozen(validated)).toBe(true);
  });

  it('JSON text', () => {
    expect(validateRecipe('{"strategies":[{"use":"recent","weight":2}]}').strategies).toEqual([
      { use: 'recent', weight: 2 },
    ]);
  });

  it('the default recipe', () => {
    expect(validateRecipe(DEFAULT_RECIPE)).toEqual(DEFAULT_RECIPE);
  });

  it('defaults the cap mode to sink', () => {
    expect(validateRecipe({ ...base, cap: { impressionsWithoutClick: 3, within: '1d' } }).cap?.mode).toBe('sink');
  });
});

// Every message the validator can produce, with the input that produces it.
const cases: [string, unknown, string][] = [
  ['not an object', 42, 'recipe: expected an object, found 42'],
  ['an array', [], 'recipe: expected an object, found an empty array'],
  ['a class instance', new Date(0), 'recipe: expected an object, found an object'],
  ['bad JSON text', '{"strategies":', 'recipe: expected a recipe object or its JSON text, found invalid JSON ('],
  [
    'an unknown key',
    { ...base, strategy: [] },
    'recipe.strategy: expected one of the keys "strategies", "exclude", "cap", "rotation", "boost", "diversity", "pin", "holdout", found unknown key "strategy"',
  ],
  [
    '__proto__ as a key',
    JSON.parse('{"strategies":[{"use":"personal","weight":1}],"__proto__":{"holdout":1}}'),
    'recipe.__proto__: expected one of the keys',
  ],
  ['constructor as a key', { ...base, constructor: 1 }, 'recipe.constructor: expected one of the keys'],
  ['no strategies', {}, 'recipe.strategies: expected an array of strategies, found nothing'],
  [
    'empty strategies',
    { strategies: [] },
    'recipe.strategies: expected a non-empty array of strategies, found an empty array',
  ],
  [
    'a strategy that is not an object',
    { strategies: ['personal'] },
    'recipe.strategies[0]: expected an object, found "personal"',
  ],
  [
    'an unknown strategy',
    { strategies: [{ use: 'magic', weight: 1 }] },
    'recipe.strategies[0].use: expected one of "personal", "trending", "recent", "similar", "neighbours", "original", found "magic"',
  ],
  [
    'a strategy twice',
    {
      strategies: [
        { use: 'personal', weight: 1 },
        { use: 'personal', weight: 2 },
      ],
    },
    'recipe.strategies[1].use: expected each strategy at most once, found "personal" again',
  ],
  [
    'a word as weight',
    { strategies: [{ use: 'personal', weight: 'high' }] },
    'recipe.strategies[0].weight: expected a number >= 0, found "high"',
  ],
  [
    'a negative weight',
    { strategies: [{ use: 'personal', weight: -1 }] },
    'recipe.strategies[0].weight: expected a number >= 0, found -1',
  ],
  [
    'an infinite weight',
    { strategies: [{ use: 'personal', weight: Infinity }] },
    'recipe.strategies[0].weight: expected a number >= 0, found Infinity',
  ],
  [
    'all weights zero',
    { strategies: [{ use: 'personal', weight: 0 }] },
    'recipe.strategies: expected at least one strategy with a weight > 0, found all weights 0',
  ],
  [
    'a hole in the strategies',
    { strategies: [, { use: 'personal', weight: 1 }] },
    'recipe.strategies[0]: expected an object, found nothing',
  ],
  [
    'weights too large to add up',
    {
      strategies: [
        { use: 'personal', weight: 1e308 },
        { use: 'original', weight: 1e308 },
      ],
    },
    'recipe.strategies: expected weights with a finite sum, found a sum too large to represent',
  ],
  [
    'an unknown strategy key',
    { strategies: [{ use: 'personal', weight: 1, boost: 2 }] },
    'recipe.strategies[0].boost: expected one of the keys "use", "weight", found unknown key "boost"',
  ],
  [
    'exclude not an array',
    { ...base, exclude: { dismissed: true } },
    'recipe.exclude: expected an array of exclude rules, found an object',
  ],
  [
    'an empty exclude rule',
    { ...base, exclude: [{}] },
    'recipe.exclude[0]: expected an object with exactly one of the keys "purchased", "dismissed", "where", found an object with none of them',
  ],
  [
    'two kinds in one exclude rule',
    { ...base, exclude: [{ dismissed: true, where: { inStock: false } }] },
    'recipe.exclude[0]: expected an object with exactly one of the keys "purchased", "dismissed", "where", found an object with "dismissed", "where"',
  ],
  [
    'purchased: false',
    { ...base, exclude: [{ purchased: false }] },
    'recipe.exclude[0].purchased: expected true or { "within": "30d" }, found false',
  ],
  [
    'a bad duration',
    { ...base, exclude: [{ purchased: { within: '30 days' } }] },
    'recipe.exclude[0].purchased.within: expected a duration like "30d" (a positive number, then s, m, h or d), found "30 days"',
  ],
  [
    'a zero duration',
    { ...base, exclude: [{ dismissed: { within: '0d' } }] },
    'recipe.exclude[0].dismissed.within: expected a duration like "30d" (a positive number, then s, m, h or d), found "0d"',
  ],
  [
    'an unknown window key',
    { ...base, exclude: [{ purchased: { for: '30d' } }] },
    'recipe.exclude[0].purchased.for: expected one of the keys "within", found unknown key "for"',
  ],
  [
    'an empty filter',
    { ...base, exclude: [{ where: {} }] },
    'recipe.exclude[0].where: expected at least one condition (id, category, brand, tags, inStock, price, attributes), found an empty object',
  ],
  [
    'an unknown filter key',
    { ...base, exclude: [{ where: { colour: 'red' } }] },
    'recipe.exclude[0].where.colour: expected one of the keys "id", "category", "brand", "tags", "inStock", "price", "attributes", found unknown key "colour"',
  ],
  [
    'a numeric category',
    { ...base, exclude: [{ where: { category: 3 } }] },
    'recipe.exclude[0].where.category: expected a non-empty string or a non-empty array of strings, found 3',
  ],
  [
    'an empty category list',
    { ...base, exclude: [{ where: { category: [] } }] },
    'recipe.exclude[0].where.category: expected a non-empty array of strings, found an empty array',
  ],
  [
    'a bad entry in a list',
    { ...base, exclude: [{ where: { tags: ['a', ''] } }] },
    'recipe.exclude[0].where.tags[1]: expected a non-empty string, found ""',
  ],
  [
    'inStock as a string',
    { ...base, exclude: [{ where: { inStock: 'no' } }] },
    'recipe.exclude[0].where.inStock: expected true or false, found "no"',
  ],
  [
    'an empty price',
    { ...base, exclude: [{ where: { price: {} } }] },
    'recipe.exclude[0].where.price: expected at least one of "min", "max", found an empty object',
  ],
  [
    'a negative price',
    { ...base, exclude: [{ where: { price: { min: -1 } } }] },
    'recipe.exclude[0].where.price.min: expected a number >= 0, found -1',
  ],
  [
    'max below min',
    { ...base, exclude: [{ where: { price: { min: 10, max: 5 } } }] },
    'recipe.exclude[0].where.price.max: expected a number >= 10, found 5',
  ],
  [
    'an unknown price key',
    { ...base, exclude: [{ where: { price: { from: 1 } } }] },
    'recipe.exclude[0].where.price.from: expected one of the keys "min", "max", found unknown key "from"',
  ],
  [
    'attributes not an object',
    { ...base, exclude: [{ where: { attributes: ['a'] } }] },
    'recipe.exclude[0].where.attributes: expected an object of attribute names, found an array of 1',
  ],
  [
    'no attributes',
    { ...base, exclude: [{ where: { attributes: {} } }] },
    'recipe.exclude[0].where.attributes: expected at least one attribute, found an empty object',
  ],
  [
    '__proto__ as an attribute',
    { ...base, exclude: [{ where: { attributes: JSON.parse('{"__proto__":"x"}') } }] },
    'recipe.exclude[0].where.attributes.__proto__: expected attribute names other than "", "__proto__", "constructor" or "prototype", found "__proto__"',
  ],
  [
    'an object attribute value',
    { ...base, exclude: [{ where: { attributes: { color: { r: 1 } } } }] },
    'recipe.exclude[0].where.attributes.color: expected a string, number, boolean or a non-empty array of them, found an object',
  ],
  [
    'an empty attribute list',
    { ...base, exclude: [{ where: { attributes: { color: [] } } }] },
    'recipe.exclude[0].where.attributes.color: expected a non-empty array of strings, numbers or booleans, found an empty array',
  ],
  [
    'a null in an attribute list',
    { ...base, exclude: [{ where: { attributes: { 'made in': ['fr', null] } } }] },
    'recipe.exclude[0].where.attributes["made in"][1]: expected a string, number or boolean, found null',
  ],
  [
    'a cap without a count',
    { ...base, cap: { within: '1h' } },
    'recipe.cap.impressionsWithoutClick: expected an integer >= 1, found nothing',
  ],
  [
    'a fractional cap',
    { ...base, cap: { impressionsWithoutClick: 2.5, within: '1h' } },
    'recipe.cap.impressionsWithoutClick: expected an integer >= 1, found 2.5',
  ],
  [
    'a cap without a window',
    { ...base, cap: { impressionsWithoutClick: 3 } },
    'recipe.cap.within: expected a duration like "30d" (a positive number, then s, m, h or d), found nothing',
  ],
  [
    'an unknown cap mode',
    { ...base, cap: { impressionsWithoutClick: 3, within: '1h', mode: 'hide' } },
    'recipe.cap.mode: expected "drop" or "sink", found "hide"',
  ],
  [
    'a rotation rate above 1',
    { ...base, rotation: { rate: 2 } },
    'recipe.rotation.rate: expected a number from 0 to 1, found 2',
  ],
  [
    'a bad rotation window',
    { ...base, rotation: { rate: 0.5, within: 'soon' } },
    'recipe.rotation.within: expected a duration like "30d" (a positive number, then s, m, h or d), found "soon"',
  ],
  [
    'a boost without a filter',
    { ...base, boost: [{ by: 2 }] },
    'recipe.boost[0].where: expected an object, found nothing',
  ],
  [
    'a zero boost',
    { ...base, boost: [{ where: { brand: 'acme' }, by: 0 }] },
    'recipe.boost[0].by: expected a number > 0, found 0',
  ],
  [
    'boost not an array',
    { ...base, boost: { where: { brand: 'acme' }, by: 2 } },
    'recipe.boost: expected an array of boost rules, found an object',
  ],
  [
    'an unknown diversity field',
    { ...base, diversity: { field: 'color', maxPerTop: { k: 10, max: 3 } } },
    'recipe.diversity.field: expected "category", "brand" or "attributes.<name>", found "color"',
  ],
  [
    'diversity without a limit',
    { ...base, diversity: { field: 'brand' } },
    'recipe.diversity: expected at least one of "maxPerTop", "nearDuplicates", found neither',
  ],
  [
    'a zero max per top',
    { ...base, diversity: { maxPerTop: { k: 10, max: 0 } } },
    'recipe.diversity.maxPerTop.max: expected an integer >= 1, found 0',
  ],
  [
    'a zero k',
    { ...base, diversity: { maxPerTop: { k: 0, max: 1 } } },
    'recipe.diversity.maxPerTop.k: expected an integer >= 1, found 0',
  ],
  [
    'a near-duplicate window of 1',
    { ...base, diversity: { nearDuplicates: { k: 1, threshold: 0.9 } } },
    'recipe.diversity.nearDuplicates.k: expected an integer from 2 to 100, found 1',
  ],
  [
    'a near-duplicate window over 100',
    { ...base, diversity: { nearDuplicates: { k: 101, threshold: 0.9 } } },
    'recipe.diversity.nearDuplicates.k: expected an integer from 2 to 100, found 101',
  ],
  [
    'a zero threshold',
    { ...base, diversity: { nearDuplicates: { k: 5, threshold: 0 } } },
    'recipe.diversity.nearDuplicates.threshold: expected a number from 0 to 1, found 0',
  ],
  ['pin not an object', { ...base, pin: ['sku-1'] }, 'recipe.pin: expected an object of item ids, found an array of 1'],
  ['a negative pin', { ...base, pin: { 'sku-1': -1 } }, 'recipe.pin["sku-1"]: expected an integer >= 0, found -1'],
  [
    '__proto__ as a pinned id',
    { ...base, pin: JSON.parse('{"__proto__":0}') },
    'recipe.pin.__proto__: expected item ids other than "", "__proto__", "constructor" or "prototype", found "__proto__"',
  ],
  ['an empty pinned id', { ...base, pin: { '': 0 } }, 'recipe.pin[""]: expected item ids other than'],
  ['a holdout above 1', { ...base, holdout: 1.5 }, 'recipe.holdout: expected a number from 0 to 1, found 1.5'],
  [
    'a holdout as a percentage string',
    { ...base, holdout: '5%' },
    'recipe.holdout: expected a number from 0 to 1, found "5%"',
  ],
];

describe('validateRecipe rejects', () => {
  it.each(cases)('%s', (_name, input, message) => {
    const error = errorOf(input);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.message).toBe(`${error.path}: expected ${error.expected}, found ${error.found}`);
  });

  it('names a custom root path', () => {
    expect(errorOf(undefined).path).toBe('recipe');
    expect(() => validateRecipe({ strategies: 1 }, 'recipes.home')).toThrow(
      'recipes.home.strategies: expected an array of strategies, found 1',
    );
  });

  it('shortens long found strings', () => {
    expect(errorOf({ strategies: [{ use: 'x'.repeat(100), weight: 1 }] }).found).toBe(`"${'x'.repeat(38)}…"`);
  });

  it('never lets __proto__ reach a prototype, even where it is allowed by shape', () => {
    const polluted = JSON.parse('{"strategies":[{"use":"personal","weight":1,"__proto__":{"polluted":true}}]}');
    expect(errorOf(polluted).path).toBe('recipe.strategies[0].__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const pins = validateRecipe({ ...base, pin: { toString: 1, hasOwnProperty: 2 } }).pin ?? {};
    expect(Object.getPrototypeOf(pins)).toBeNull();
    expect(Object.entries(pins)).toEqual([
      ['toString', 1],
      ['hasOwnProperty', 2],
    ]);
  });
});
