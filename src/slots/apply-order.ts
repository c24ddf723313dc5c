import { ITEM_ATTRIBUTE, REMOVED_ATTRIBUTE } from '../../common/markup.js';
import { itemElements } from './read-items.js';

/** Marks items a rule removed; they are hidden, not deleted, so the page can always go back. */
export { REMOVED_ATTRIBUTE };

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

  // Measured only when a removal may collapse tiles: a plain reorder forces no layout here.
  const before = removedIds.size > 0 ? size(slot) : '';
  // The slot's children as they should end up: item positions keep holding items, now in `sequence`;
  // everything else (headings, ads, text) stays where it is.
  const itemSet = new Set<Node>(elements);
  const current = [...slot.childNodes];
  let next = 0;
  const target = current.map((node) => (itemSet.has(node) ? sequence[next++]! : node));
  moveInto(slot, current, target);
  const collapsed: HTMLElement[] = [];
  for (const element of sequence) {
    if (element.hasAttribute(REMOVED_ATTRIBUTE)) restore(element);
    if (removedIds.has(element.getAttribute(ITEM_ATTRIBUTE)!) && !element.hidden) {
      element.hidden = true;
      element.setAttribute(REMOVED_ATTRIBUTE, '');
      collapsed.push(element);
    }
  }

  if (collapsed.length > 0 && size(slot) !== before) {
    for (const element of collapsed) {
      element.hidden = false;
      element.style.visibility = 'hidden';
      element.inert = true;
      element.setAttribute(REMOVED_ATTRIBUTE, 'placeholder');
    }
  }
}

/**
 * Rearranges `slot`'s children from `current` to `target` (the same nodes) with as few element moves
 * as possible: the nodes of a heaviest increasing run of current positions stay put (text and comment
 * nodes weigh little: they move rather than an element), the others are inserted where they belong. A
 * moved element is restyled from scratch, so when ten tiles of a hundred come to the front, ten are
 * moved, not a hundred.
 */
function moveInto(slot: Node, current: readonly Node[], target: readonly Node[]): void {
  const index = new Map(current.map((node, i) => [node, i]));
  const positions = target.map((node) => index.get(node)!);
  const weight = target.map((node) => (node.nodeType === 1 ? 1 : 1 / 1024));
  const best: number[] = [];
  const previous: number[] = [];
  // A Fenwick tree over current positions holds, for each prefix, the index of the heaviest run ending
  // there: O(n log n), a few microseconds for a slot of hundreds of children.
  const tree: number[] = new Array(target.length + 1).fill(-1);
  const heavier = (a: number, b: number) => (a < 0 || (b >= 0 && best[b]! > best[a]!) ? b : a);
  let last = -1;
  positions.forEach((position, i) => {
    let before = -1;
    for (let k = position; k > 0; k -= k & -k) before = heavier(before, tree[k]!);
    previous[i] = before;
    best[i] = weight[i]! + (before < 0 ? 0 : best[before]!);
    for (let k = position + 1; k < tree.length; k += k & -k) tree[k] = heavier(tree[k]!, i);
    last = heavier(last, i);
  });
  const stays = new Set<number>();
  for (let i = last; i >= 0; i = previous[i]!) stays.add(i);
  let after: Node | null = null;
  for (let i = target.length - 1; i >= 0; i--) {
    const node = target[i]!;
    if (!stays.has(i)) slot.insertBefore(node, after);
    after = node;
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
