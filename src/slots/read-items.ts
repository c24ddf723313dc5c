import { ATTRIBUTE_PREFIX, ITEM_ATTRIBUTE, SLOT_ATTRIBUTE, VIEW_ATTRIBUTE } from '../../common/markup.js';
import type { Item } from '../../common/types.js';

/** Every opted-in container on the page. */
export function findSlots(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${SLOT_ATTRIBUTE}]`)];
}

/** The slot's item elements, in page order: direct children only, so nested markup is left alone. */
export function itemElements(slot: Element): HTMLElement[] {
  return [...slot.children].filter((child): child is HTMLElement => child.hasAttribute(ITEM_ATTRIBUTE));
}

function toNumber(value: string): number {
  return value.trim() && Number.isFinite(+value) ? +value : NaN;
}

/** Attribute (after `data-inkling-`) and how to read it; a value that reads as undefined, empty or NaN is left out. */
const FIELDS: readonly [attribute: string, key: keyof Item, read?: (value: string) => unknown][] = [
  ['category', 'category'],
  ['brand', 'brand'],
  ['title', 'title'],
  ['repurchase', 'repurchase'],
  [
    'tags',
    'tags',
    (value) =>
      value
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
  ],
  ['price', 'price', toNumber],
  ['popularity', 'popularity', toNumber],
  ['published', 'publishedAt', (value) => (/^\d+$/.test(value) ? Number(value) : Date.parse(value))],
  ['in-stock', 'inStock', (value) => value !== 'false'],
];

/** Reads an item from its `data-inkling-*` attributes. Unparseable numbers are left out, not guessed. */
export function readItem(element: Element): Item {
  const item: Record<string, unknown> = {
    id: element.getAttribute(ITEM_ATTRIBUTE) || element.getAttribute(VIEW_ATTRIBUTE) || '',
  };
  for (const [attribute, key, read] of FIELDS) {
    const raw = element.getAttribute(ATTRIBUTE_PREFIX + attribute);
    const value = raw === null ? undefined : read ? read(raw) : raw;
    if (value !== undefined && value !== '' && !Number.isNaN(value)) item[key] = value;
  }
  return item as unknown as Item;
}
