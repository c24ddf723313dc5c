import type { AttributeValue, Item, ItemFilter } from '../../common/types.js';

function anyOf<T>(wanted: T | readonly T[], value: T): boolean {
  return Array.isArray(wanted) ? (wanted as readonly T[]).includes(value) : wanted === value;
}

function attributeMatches(item: Item, name: string, wanted: AttributeValue | readonly AttributeValue[]): boolean {
  const attributes = item.attributes;
  // hasOwn: an attribute named like an Object.prototype member must not match through the prototype.
  if (attributes === undefined || attributes === null || !Object.hasOwn(attributes, name)) return false;
  return anyOf(wanted, attributes[name] as AttributeValue);
}

/**
 * Whether an item matches every condition of a validated filter. Missing item fields never match, except
 * `inStock`, which counts as `true` when absent.
 */
export function matchesFilter(item: Item, filter: ItemFilter): boolean {
  if (filter.id !== undefined && !anyOf(filter.id, item.id)) return false;
  if (filter.category !== undefined && (item.category === undefined || !anyOf(filter.category, item.category)))
    return false;
  if (filter.brand !== undefined && (item.brand === undefined || !anyOf(filter.brand, item.brand))) return false;
  if (filter.tags !== undefined) {
    const tags = item.tags;
    if (!Array.isArray(tags) || !tags.some((tag) => anyOf(filter.tags as string | readonly string[], tag)))
      return false;
  }
  if (filter.inStock !== undefined && (item.inStock !== false) !== filter.inStock) return false;
  if (filter.price !== undefined) {
    const price = item.price;
    if (typeof price !== 'number' || !Number.isFinite(price)) return false;
    if (filter.price.min !== undefined && price < filter.price.min) return false;
    if (filter.price.max !== undefined && price > filter.price.max) return false;
  }
  if (filter.attributes !== undefined) {
    for (const name of Object.keys(filter.attributes)) {
      if (!attributeMatches(item, name, filter.attributes[name] as AttributeValue)) return false;
    }
  }
  return true;
}
