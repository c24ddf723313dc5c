import { describe, expect, it } from 'vitest';
import { toEvents } from '../../../src/track-input.js';
import type { TrackInput } from '../../../common/types.js';

let count = 0;
const defaults = { time: 1000, pageViewId: 'pv', nextId: () => `pv:${count++}` };
const bad = (input: unknown) => () => toEvents(input as TrackInput, defaults);

describe('toEvents', () => {
  it('stamps id, page view and time, keeps what the site gave, and splits a purchase of several items', () => {
    count = 0;
    expect(toEvents({ type: 'click', itemId: 'a', itemListId: 'grid', index: 2, time: 5 }, defaults)).toEqual([
      { id: 'pv:0', pageViewId: 'pv', type: 'click', itemId: 'a', itemListId: 'grid', index: 2, time: 5 },
    ]);
    expect(toEvents({ type: 'purchase', itemIds: ['a', 'b'], value: 10, orderId: 'o1' }, defaults)).toEqual([
      { id: 'pv:1', pageViewId: 'pv', type: 'purchase', itemId: 'a', orderId: 'o1', value: 5, time: 1000 },
      { id: 'pv:2', pageViewId: 'pv', type: 'purchase', itemId: 'b', orderId: 'o1', value: 5, time: 1000 },
    ]);
  });

  it('names the mistake in a TypeError', () => {
    expect(bad(null)).toThrow(new TypeError('expects an event object'));
    expect(bad({ type: 'hover', itemId: 'a' })).toThrow(new TypeError('unknown event type "hover"'));
    expect(bad({ type: 'click', itemId: 'a', time: Number.NaN })).toThrow(new TypeError('time must be ms since epoch'));
    expect(bad({ type: 'purchase', itemIds: ['a', ''] })).toThrow(new TypeError('itemIds must be non-empty strings'));
    expect(bad({ type: 'click', itemId: '' })).toThrow(new TypeError('itemId must be a non-empty string'));
  });
});

describe('toEvents: plain data only', () => {
  it('keeps the known fields of their types and drops functions, symbols, DOM-like objects and cycles', () => {
    count = 0;
    const cyclic: Record<string, unknown> = { category: 'tents' };
    cyclic.self = cyclic;
    const input = {
      type: 'click',
      itemId: 'p1',
      itemListId: 'grid',
      index: 3,
      extra: () => 1,
      [Symbol('s')]: 1,
      item: {
        ...cyclic,
        id: 'p1',
        addToCart() {},
        tags: ['trail', 5, 'x'.repeat(10_000)],
        price: Number.NaN,
        node: { nodeType: 1 },
      },
    };
    const [event] = toEvents(input as unknown as TrackInput, defaults);
    expect(event).toEqual({
      id: 'pv:0',
      pageViewId: 'pv',
      type: 'click',
      itemId: 'p1',
      itemListId: 'grid',
      index: 3,
      time: 1000,
      item: { category: 'tents', tags: ['trail', 'x'.repeat(256)] },
    });
    expect(() => structuredClone(event)).not.toThrow();
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
  });
});
