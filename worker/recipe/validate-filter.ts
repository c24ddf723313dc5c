import type { AttributeValue, ItemFilter } from '../../common/types.js';
import { RecipeError, childPath, describeValue } from './errors.js';
import { own, readMapEntries, readNumber, readObject, readStringOrList } from './validate-read.js';

const FILTER_KEYS = ['id', 'category', 'brand', 'tags', 'inStock', 'price', 'attributes'] as const;
const LIST_KEYS = ['id', 'category', 'brand', 'tags'] as const;

/** Validates an {@link ItemFilter}: known keys only, at least one condition, a sensible price range. */
export function validateFilter(input: unknown, path: string): ItemFilter {
  const object = readObject(input, path, FILTER_KEYS);
  if (Object.keys(object).length === 0) {
    throw new RecipeError(path, `at least one condition (${FILTER_KEYS.join(', ')})`, 'an empty object');
  }
  const filter: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const value = own(object, key);
    if (value !== undefined) filter[key] = readStringOrList(value, childPath(path, key));
  }
  const inStock = own(object, 'inStock');
  if (inStock !== undefined) {
    if (typeof inStock !== 'boolean')
      throw new RecipeError(childPath(path, 'inStock'), 'true or false', describeValue(inStock));
    filter['inStock'] = inStock;
  }
  const price = own(object, 'price');
  if (price !== undefined) filter['price'] = validatePrice(price, childPath(path, 'price'));
  const attributes = own(object, 'attributes');
  if (attributes !== undefined) filter['attributes'] = validateAttributes(attributes, childPath(path, 'attributes'));
  return Object.freeze(filter) as ItemFilter;
}

function validatePrice(input: unknown, path: string): { min?: number; max?: number } {
  const object = readObject(input, path, ['min', 'max']);
  const rawMin = own(object, 'min');
  const rawMax = own(object, 'max');
  if (rawMin === undefined && rawMax === undefined)
    throw new RecipeError(path, 'at least one of "min", "max"', 'an empty object');
  const price: { min?: number; max?: number } = {};
  if (rawMin !== undefined) price.min = readNumber(rawMin, childPath(path, 'min'), { min: 0 });
  if (rawMax !== undefined) {
    price.max = readNumber(rawMax, childPath(path, 'max'), { min: price.min ?? 0 });
  }
  return Object.freeze(price);
}

function isAttributeValue(value: unknown): value is AttributeValue {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function validateAttributes(input: unknown, path: string): ItemFilter['attributes'] {
  const entries = readMapEntries(input, path, 'attribute names');
  if (entries.length === 0) throw new RecipeError(path, 'at least one attribute', 'an empty object');
  // A prototype-less object, so that no attribute name can ever resolve to an inherited property.
  const attributes: Record<string, AttributeValue | readonly AttributeValue[]> = Object.create(null);
  for (const [name, value] of entries) {
    const valuePath = childPath(path, name);
    if (Array.isArray(value)) {
      if (value.length === 0)
        throw new RecipeError(valuePath, 'a non-empty array of strings, numbers or booleans', 'an empty array');
      value.forEach((entry, index) => {
        if (!isAttributeValue(entry))
          throw new RecipeError(childPath(valuePath, index), 'a string, number or boolean', describeValue(entry));
      });
      attributes[name] = Object.freeze([...(value as AttributeValue[])]);
    } else if (isAttributeValue(value)) {
      attributes[name] = value;
    } else {
      throw new RecipeError(valuePath, 'a string, number, boolean or a non-empty array of them', describeValue(value));
    }
  }
  return Object.freeze(attributes);
}
