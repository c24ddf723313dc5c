import { ITEM_ATTRIBUTE, itemElements } from './read-items.js';

/** Marks items a rule removed; they are hidden, not deleted, so the page can always go back. */
export const REMOVED_ATTRIBUTE = 'data-inkling-removed';

/**
 * Puts the slot's item elements in `order` (ids) by moving the existing nodes into the positions
 * item elements already occupy; other children (headings, ads) keep their place. Ids in `removed`
 * are hidden. Unknown ids are ignored; items missing from both lists keep their relative order at the end.
 */
export function applyOrder(slot: Element, order: readonly string[], removed: readonly string[] = []): void {
  const elements = itemElements(slot);
  const byId = new Map(elements.map((element) => [element.getAttribute(ITEM_ATTRIBUTE)!, element]));
  const placed = new Set<HTMLElement>();
  const sequence: HTMLElement[] = [];
  for (const id of [...order, ...removed]) {
    const element = byId.get(id);
    if (element && !placed.has(element)) {
      placed.add(element);
      sequence.push(element);
    }
  }
  for (const element of elements) if (!placed.has(element)) sequence.push(element);

  const removedIds = new Set(removed);
  const doc = slot.ownerDocument;
  const anchors = elements.map((element) => slot.insertBefore(doc.createComment(''), element));
  sequence.forEach((element, index) => {
    anchors[index]!.after(element);
    if (removedIds.has(element.getAttribute(ITEM_ATTRIBUTE)!)) {
      element.hidden = true;
      element.setAttribute(REMOVED_ATTRIBUTE, '');
    } else if (element.hasAttribute(REMOVED_ATTRIBUTE)) {
      // Only undo what Inkling hid; the site's own hidden items stay hidden.
      element.hidden = false;
      element.removeAttribute(REMOVED_ATTRIBUTE);
    }
  });
  for (const anchor of anchors) anchor.remove();
}
