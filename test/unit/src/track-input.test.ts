import { describe, expect, it } from 'vitest';
import { toEvents } from '../../../src/track-input.js';
import type { TrackInput } from '../../../common/types.js';

let count = 0;
const defaults = { time: 1000, pageViewId: 'pv', nextId: () => `pv:${count++}` };
const bad = (input: unknown) => () => toEvents(input as TrackInput, defaults);

describe('toEvents', () => {
  it('stamps id, page view and time, keeps what the site gave, and splits a purchase of several items', () => {
    count = 0;
    expect(toEvents({ type: 'click', itemId: 'a', itemListId: 'grid', index: 2, time: 5 }, defaults)).toEqual([{ id: 'pv:0', pageViewId: 'pv', type: 'click', itemId: 'a', itemListId: 'grid', index: 2, time: 5 }]);
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
