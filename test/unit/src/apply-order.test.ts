// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyOrder, REMOVED_ATTRIBUTE } from '../../../src/slots/apply-order.js';
import { readItem } from '../../../src/slots/read-items.js';

function slot(html: string): HTMLElement {
  document.body.innerHTML = `<ul id="slot" data-inkling-slot="s">${html}</ul>`;
  return document.getElementById('slot')!;
}
const ids = (element: Element) =>
  [...element.children].map((child) => child.getAttribute('data-inkling-item') ?? child.tagName.toLowerCase());

describe('applyOrder', () => {
  it('moves the existing nodes, keeping non-item children in place', () => {
    const element = slot(
      '<li data-inkling-item="a"></li><h3></h3><li data-inkling-item="b"></li><li data-inkling-item="c"></li>',
    );
    const b = element.children[2];
    applyOrder(element, ['c', 'a', 'b']);
    expect(ids(element)).toEqual(['c', 'h3', 'a', 'b']);
    expect(element.querySelector('[data-inkling-item="b"]')).toBe(b);
  });

  it('hides removed items and shows them again when a later order keeps them', () => {
    const element = slot('<li data-inkling-item="a"></li><li data-inkling-item="b"></li>');
    applyOrder(element, ['b'], ['a']);
    const a = element.querySelector<HTMLElement>('[data-inkling-item="a"]')!;
    expect(a.hidden).toBe(true);
    expect(a.hasAttribute(REMOVED_ATTRIBUTE)).toBe(true);
    applyOrder(element, ['a', 'b']);
    expect(a.hidden).toBe(false);
    expect(ids(element)).toEqual(['a', 'b']);
  });

  it('leaves items the site hid itself hidden', () => {
    const element = slot('<li data-inkling-item="a" hidden></li><li data-inkling-item="b"></li>');
    applyOrder(element, ['b', 'a']);
    expect(element.querySelector<HTMLElement>('[data-inkling-item="a"]')!.hidden).toBe(true);
  });

  it('keeps items the ranking does not mention, in their order, at the end', () => {
    const element = slot(
      '<li data-inkling-item="a"></li><li data-inkling-item="b"></li><li data-inkling-item="c"></li>',
    );
    applyOrder(element, ['c', 'unknown']);
    expect(ids(element)).toEqual(['c', 'a', 'b']);
  });
});

describe('applyOrder on larger slots', () => {
  it('reaches every order, keeps non-item children in place and moves only the nodes that must move', async () => {
    const html = Array.from(
      { length: 40 },
      (_, i) => (i % 9 === 4 ? '<h3></h3>' : '') + `<li data-inkling-item="i${i}"></li>`,
    ).join(' ');
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 20; round++) {
      const element = slot(html);
      const layout = ids(element).map((id) => (id === 'h3' ? 'h3' : 'item'));
      const order = Array.from({ length: 40 }, (_, i) => `i${i}`).sort(() => random() - 0.5);
      applyOrder(element, order);
      const after = ids(element);
      expect(after.map((id) => (id === 'h3' ? 'h3' : 'item'))).toEqual(layout);
      expect(after.filter((id) => id !== 'h3')).toEqual(order);
    }
    // Ten tiles of forty come to the front: ten moves, not forty.
    const element = slot(html);
    const moved: Node[] = [];
    const observer = new MutationObserver((records) =>
      records.forEach((record) => moved.push(...[...record.addedNodes].filter((node) => node.nodeName === 'LI'))),
    );
    observer.observe(element, { childList: true });
    const front = ['i30', 'i31', 'i32', 'i33', 'i34', 'i35', 'i36', 'i37', 'i38', 'i39'];
    applyOrder(element, [...front, ...Array.from({ length: 30 }, (_, i) => `i${i}`)]);
    await Promise.resolve();
    observer.disconnect();
    expect(
      ids(element)
        .filter((id) => id !== 'h3')
        .slice(0, 10),
    ).toEqual(front);
    expect(moved.length).toBeLessThanOrEqual(10);
  });
});

describe('readItem', () => {
  it('reads every documented attribute and skips numbers it cannot parse', () => {
    const element = slot(
      '<li data-inkling-item="sku-1" data-inkling-category="tents" data-inkling-tags="a, b,," data-inkling-price="12.5" data-inkling-popularity="oops" data-inkling-published="2026-01-02" data-inkling-in-stock="false" data-inkling-brand="Acme"></li>',
    ).children[0]!;
    expect(readItem(element)).toEqual({
      id: 'sku-1',
      category: 'tents',
      tags: ['a', 'b'],
      price: 12.5,
      publishedAt: Date.parse('2026-01-02'),
      inStock: false,
      brand: 'Acme',
    });
  });
});
