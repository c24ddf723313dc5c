// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyOrder } from '../../../src/slots/apply-order.js';
import { fewestMoves } from '../../../bench/page/pages.mjs';
import { mulberry32 } from '../../../bench/random.js';

/** Applies the moves as the bench page does: `insertBefore(tile, before)`, in the order given. */
function apply(original: readonly string[], moves: readonly [string, string | null][]): string[] {
  const list = [...original];
  for (const [id, before] of moves) {
    list.splice(list.indexOf(id), 1);
    list.splice(before === null ? list.length : list.indexOf(before), 0, id);
  }
  return list;
}

/** How many elements `applyOrder` (src/slots/apply-order.ts) inserts to put a list of tiles in `order`. */
function sdkMoves(original: readonly string[], order: readonly string[]): number {
  const slot = document.createElement('ul');
  for (const id of original) {
    const tile = document.createElement('li');
    tile.setAttribute('data-inkling-item', id);
    slot.append(tile);
  }
  let inserts = 0;
  const insertBefore = slot.insertBefore.bind(slot);
  slot.insertBefore = <T extends Node>(node: T, child: Node | null) => (inserts++, insertBefore(node, child));
  applyOrder(slot, order);
  expect([...slot.children].map((tile) => tile.getAttribute('data-inkling-item'))).toEqual(order);
  return inserts;
}

// The page bench's hand-written baseline must reach Inkling's order with as few moves as apply-order.ts.
describe('fewestMoves (the page bench baseline)', () => {
  it('reaches the order with n minus the longest in-order run moves', () => {
    const random = mulberry32(11);
    for (let round = 0; round < 200; round++) {
      const original = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i) => `t${i}`);
      const order = [...original].sort(() => random() - 0.5);
      const moves = fewestMoves(original, order);
      expect(apply(original, moves)).toEqual(order);
      // As many moves as the SDK's own reorder makes for the same order.
      expect(moves.length).toBe(sdkMoves(original, order));
    }
  });

  it('makes no move for the same order and n - 1 for the reverse', () => {
    const original = ['a', 'b', 'c', 'd'];
    expect(fewestMoves(original, original)).toEqual([]);
    const reverse = [...original].reverse();
    // 'd' stays; 'a' goes to the end, then 'b' before it, then 'c'.
    expect(fewestMoves(original, reverse)).toEqual([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
    ]);
    expect(apply(original, fewestMoves(original, reverse))).toEqual(reverse);
  });
});
