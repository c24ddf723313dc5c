import { ITEM_ATTRIBUTE, itemElements } from './read-items.js';

/** Marks items a rule removed; they are hidden, not deleted, so the page can always go back. */
export const REMOVED_ATTRIBUTE = 'data-inkling-removed';

/**
 * Puts the slot's item elements in `order` (ids) by moving the existing nodes into the positions
 * item elements already occupy; other children (headings, ads) keep their place. Ids in `removed`
 * go last and are hidden. Unknown ids are ignored; items missing from both lists keep their relative
 * order at the end.
 *
 * Removing tiles can shorten a grid by a row and push the content below it (a layout shift), so a
 * removed item collapses (`hidden`) only when that leaves the slot's box the same size; otherwise it
 * stays in place at the end as an invisible, inert placeholder.
 */
export function applyOrder(slot: HTMLElement, order: readonly string[], removed: readonly string[] = []): void {
  const elements = itemElements(slot);
  const byId = new Map(elements.map((element) => [element.getAttribute(ITEM_ATTRIBUTE)!, element]));
  const placed = new Set<HTMLElement>();
  const sequence: HTMLElement[] = [];
  const removedIds = new Set(removed);
  for (const id of [...order.filter((id) => !removedIds.has(id)), ...removed]) {
    const element = byId.get(id);
    if (element && !placed.has(element)) {
      placed.add(element);
      sequence.push(element);
    }
  }
  for (const element of elements) if (!placed.has(element)) sequence.push(element);

  const before = size(slot);
  const doc = slot.ownerDocument;
  const anchors = elements.map((element) => slot.insertBefore(doc.createComment(''), element));
  const collapsed: HTMLElement[] = [];
  sequence.forEach((element, index) => {
    anchors[index]!.after(element);
    if (element.hasAttribute(REMOVED_ATTRIBUTE)) restore(element);
    if (removedIds.has(element.getAttribute(ITEM_ATTRIBUTE)!) && !element.hidden) {
      element.hidden = true;
      element.setAttribute(REMOVED_ATTRIBUTE, '');
      collapsed.push(element);
    }
  });
  for (const anchor of anchors) anchor.remove();

  if (collapsed.length > 0 && size(slot) !== before) {
    for (const element of collapsed) {
      element.hidden = false;
      element.style.visibility = 'hidden';
      element.inert = true;
      element.setAttribute(REMOVED_ATTRIBUTE, 'placeholder');
    }
  }
}

/** Undoes only what Inkling did; the site's own hidden items stay hidden. */
function restore(element: HTMLElement): void {
  if (element.getAttribute(REMOVED_ATTRIBUTE) === 'placeholder') {
    element.style.visibility = '';
    element.inert = false;
  } else {
    element.hidden = false;
  }
  element.removeAttribute(REMOVED_ATTRIBUTE);
}

/** The slot's box; reading it forces one layout, which is cheap next to a shift. */
function size(slot: HTMLElement): string {
  const rect = slot.getBoundingClientRect();
  return `${rect.width}x${rect.height}`;
}
