import type {
  BoostRule,
  CapRule,
  DiversityRule,
  Duration,
  ExcludeRule,
  Recipe,
  RotationRule,
  StrategyName,
  StrategyWeight,
} from '../../common/types.js';
import { parseDuration } from './duration.js';
import { RecipeError, childPath, describeValue } from './errors.js';
import { validateFilter } from './validate-filter.js';
import {
  type JsonObject,
  own,
  readArray,
  readMapEntries,
  readNumber,
  readObject,
  readOneOf,
  readTrue,
} from './validate-read.js';

const RECIPE_KEYS = ['strategies', 'exclude', 'cap', 'rotation', 'boost', 'diversity', 'pin', 'holdout'] as const;
const STRATEGIES: readonly StrategyName[] = ['personal', 'trending', 'recent', 'similar', 'neighbours', 'original'];
const FIELD = /^(category|brand|attributes\..+)$/;
// Near-duplicate checks compare neighbours position by position; 100 covers any visible top and bounds the cost.
const MAX_NEAR_DUPLICATE_K = 100;

/**
 * Checks a recipe and returns a frozen copy that holds only known keys. Accepts the parsed object or its
 * JSON text. Throws a {@link RecipeError} naming the JSON path, what was expected and what was found.
 */
export function validateRecipe(input: unknown, path = 'recipe'): Recipe {
  const object = readObject(parseIfText(input, path), path, RECIPE_KEYS);
  const at = (key: string): string => childPath(path, key);
  const recipe: Record<string, unknown> = {
    strategies: validateStrategies(own(object, 'strategies'), at('strategies')),
  };
  const optional: [string, (value: unknown, path: string) => unknown][] = [
    ['exclude', validateExcludes],
    ['cap', validateCap],
    ['rotation', validateRotation],
    ['boost', validateBoosts],
    ['diversity', validateDiversity],
    ['pin', validatePins],
    ['holdout', (value, p) => readNumber(value, p, { min: 0, max: 1 })],
  ];
  for (const [key, validate] of optional) {
    const value = own(object, key);
    if (value !== undefined) recipe[key] = validate(value, at(key));
  }
  return Object.freeze(recipe) as unknown as Recipe;
}

function parseIfText(input: unknown, path: string): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch (error) {
    throw new RecipeError(path, 'a recipe object or its JSON text', `invalid JSON (${(error as Error).message})`);
  }
}

function validateStrategies(input: unknown, path: string): readonly StrategyWeight[] {
  const seen = new Set<string>();
  let total = 0;
  const strategies = readArray(input, path, 'strategies', true).map((entry, index) => {
    const entryPath = childPath(path, index);
    const object = readObject(entry, entryPath, ['use', 'weight']);
    const use = own(object, 'use');
    if (typeof use !== 'string' || !(STRATEGIES as readonly string[]).includes(use)) {
      throw new RecipeError(
        childPath(entryPath, 'use'),
        `one of ${STRATEGIES.map((s) => `"${s}"`).join(', ')}`,
        describeValue(use),
      );
    }
    if (seen.has(use))
      throw new RecipeError(childPath(entryPath, 'use'), 'each strategy at most once', `"${use}" again`);
    seen.add(use);
    const weight = readNumber(own(object, 'weight'), childPath(entryPath, 'weight'), { min: 0 });
    total += weight;
    return Object.freeze({ use: use as StrategyName, weight });
  });
  if (total <= 0) throw new RecipeError(path, 'at least one strategy with a weight > 0', 'all weights 0');
  if (!Number.isFinite(total)) throw new RecipeError(path, 'weights with a finite sum', 'a sum too large to represent');
  return Object.freeze(strategies);
}

function validateExcludes(input: unknown, path: string): readonly ExcludeRule[] {
  const rules = readArray(input, path, 'exclude rules', false).map((entry, index): ExcludeRule => {
    const entryPath = childPath(path, index);
    const object = readObject(entry, entryPath, ['purchased', 'dismissed', 'where']);
    const kind = readOneOf(object, entryPath, ['purchased', 'dismissed', 'where']);
    const value = own(object, kind);
    const valuePath = childPath(entryPath, kind);
    if (kind === 'where') return Object.freeze({ where: validateFilter(value, valuePath) });
    const window = value === true ? true : validateWindow(value, valuePath);
    return Object.freeze(kind === 'purchased' ? { purchased: window } : { dismissed: window });
  });
  return Object.freeze(rules);
}

function validateWindow(input: unknown, path: string): { within: Duration } {
  if (typeof input !== 'object' || input === null) readTrue(input, path, '{ "within": "30d" }');
  const object = readObject(input, path, ['within']);
  const within = own(object, 'within');
  parseDuration(within, childPath(path, 'within'));
  return Object.freeze({ within: within as Duration });
}

function validateCap(input: unknown, path: string): CapRule {
  const object = readObject(input, path, ['impressionsWithoutClick', 'within', 'mode']);
  const impressionsWithoutClick = readNumber(
    own(object, 'impressionsWithoutClick'),
    childPath(path, 'impressionsWithoutClick'),
    {
      min: 1,
      integer: true,
    },
  );
  const within = own(object, 'within');
  parseDuration(within, childPath(path, 'within'));
  const mode = own(object, 'mode') ?? 'sink';
  if (mode !== 'drop' && mode !== 'sink')
    throw new RecipeError(childPath(path, 'mode'), '"drop" or "sink"', describeValue(mode));
  return Object.freeze({ impressionsWithoutClick, within: within as CapRule['within'], mode });
}

function validateRotation(input: unknown, path: string): RotationRule {
  const object = readObject(input, path, ['rate', 'within']);
  const rate = readNumber(own(object, 'rate'), childPath(path, 'rate'), { min: 0, max: 1 });
  const within = own(object, 'within');
  if (within === undefined) return Object.freeze({ rate });
  parseDuration(within, childPath(path, 'within'));
  return Object.freeze({ rate, within: within as RotationRule['within'] & string });
}

function validateBoosts(input: unknown, path: string): readonly BoostRule[] {
  const rules = readArray(input, path, 'boost rules', false).map((entry, index) => {
    const entryPath = childPath(path, index);
    const object = readObject(entry, entryPath, ['where', 'by']);
    const where = validateFilter(own(object, 'where'), childPath(entryPath, 'where'));
    const by = readNumber(own(object, 'by'), childPath(entryPath, 'by'), { min: 0, minExclusive: true });
    return Object.freeze({ where, by });
  });
  return Object.freeze(rules);
}

function validateDiversity(input: unknown, path: string): DiversityRule {
  const object: JsonObject = readObject(input, path, ['field', 'maxPerTop', 'nearDuplicates']);
  const rule: {
    field?: string;
    maxPerTop?: { k: number; max: number };
    nearDuplicates?: { k: number; threshold: number };
  } = {};
  const field = own(object, 'field');
  if (field !== undefined) {
    if (typeof field !== 'string' || !FIELD.test(field)) {
      throw new RecipeError(
        childPath(path, 'field'),
        '"category", "brand" or "attributes.<name>"',
        describeValue(field),
      );
    }
    rule.field = field;
  }
  const maxPerTop = own(object, 'maxPerTop');
  if (maxPerTop !== undefined) {
    const at = childPath(path, 'maxPerTop');
    const top = readObject(maxPerTop, at, ['k', 'max']);
    const k = readNumber(own(top, 'k'), childPath(at, 'k'), { min: 1, integer: true });
    const max = readNumber(own(top, 'max'), childPath(at, 'max'), { min: 1, integer: true });
    rule.maxPerTop = Object.freeze({ k, max });
  }
  const nearDuplicates = own(object, 'nearDuplicates');
  if (nearDuplicates !== undefined) {
    const at = childPath(path, 'nearDuplicates');
    const dup = readObject(nearDuplicates, at, ['k', 'threshold']);
    const k = readNumber(own(dup, 'k'), childPath(at, 'k'), { min: 2, max: MAX_NEAR_DUPLICATE_K, integer: true });
    const threshold = readNumber(own(dup, 'threshold'), childPath(at, 'threshold'), {
      min: 0,
      max: 1,
      minExclusive: true,
    });
    rule.nearDuplicates = Object.freeze({ k, threshold });
  }
  if (rule.maxPerTop === undefined && rule.nearDuplicates === undefined) {
    throw new RecipeError(path, 'at least one of "maxPerTop", "nearDuplicates"', 'neither');
  }
  return Object.freeze(rule) as DiversityRule;
}

function validatePins(input: unknown, path: string): Readonly<Record<string, number>> {
  // Built without a prototype: ids are site data and must never resolve to inherited properties.
  const pins: Record<string, number> = Object.create(null);
  for (const [id, position] of readMapEntries(input, path, 'item ids')) {
    pins[id] = readNumber(position, childPath(path, id), { min: 0, integer: true });
  }
  return Object.freeze(pins);
}
