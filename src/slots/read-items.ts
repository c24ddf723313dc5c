import type { Item } from '../types.js';

/** The attribute that marks a container whose item children Inkling may reorder. */
export const SLOT_ATTRIBUTE = 'data-inkling-slot';
/** The attribute that marks an item and carries its id. */
export const ITEM_ATTRIBUTE = 'data-inkling-item';

/** Every opted-in container on the page. */
export function findSlots(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${SLOT_ATTRIBUTE}]`)];
}

/** The slot's item elements, in page order: direct children only, so nested markup is left alone. */
export function itemElements(slot: Element): HTMLElement[] {
  return [...slot.children].filter((child): child is HTMLElement => child.hasAttribute(ITEM_ATTRIBUTE));
}

/** Reads an item from its `data-inkling-*` attributes. Unparseable numbers are left out, not guessed. */
export function readItem(element: Element): Item {
  const data = (name: string) => element.getAttribute(`data-inkling-${name}`) ?? undefined;
  const id = element.getAttribute(ITEM_ATTRIBUTE) || element.getAttribute('data-inkling-view') || '';
  return {
    id,
    ...optional('category', data('category')),
    ...optional('brand', data('brand')),
    ...optional('title', data('title')),
    ...optional('repurchase', data('repurchase')),
    ...optional('tags', data('tags')?.split(',').map((tag) => tag.trim()).filter(Boolean)),
    ...optional('price', toNumber(data('price'))),
    ...optional('popularity', toNumber(data('popularity'))),
    ...optional('publishedAt', toTime(data('published'))),
    ...optional('inStock', data('in-stock') === undefined ? undefined : data('in-stock') !== 'false'),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function toTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}
