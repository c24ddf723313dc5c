import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/index.js';
import { createServedItems } from '../../../worker/served-items.js';
import type { InklingEvent, Item } from '../../../src/types.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const tent: Item = { id: 't1', category: 'tents', tags: ['2p'], brand: 'b0', price: 249, title: 'Tent', popularity: 9 };

describe('served items', () => {
  it("gives an event without an item the snapshot of the item last ranked, and leaves the others as they are", () => {
    const served = createServedItems();
    served.remember([tent, { id: 's1', category: 'shoes' }]);
    served.remember([{ ...tent, price: 199 }]);
    const own = { type: 'click', itemId: 's1', time: NOW, item: { category: 'boots' } } as const;
    const [filled, kept, unknown] = served.fill([{ type: 'impression', itemId: 't1', time: NOW }, own, { type: 'impression', itemId: 'x9', time: NOW }]);
    expect(filled).toEqual({ type: 'impression', itemId: 't1', time: NOW, item: { category: 'tents', tags: ['2p'], brand: 'b0', price: 199 } });
    expect(kept).toBe(own);
    expect(unknown).toEqual({ type: 'impression', itemId: 'x9', time: NOW });
  });

  it('keeps the most recently ranked items up to its limit, and forgets them all on clear()', () => {
    const served = createServedItems(2);
    served.remember([{ id: 'a', category: 'a' }, { id: 'b', category: 'b' }]);
    served.remember([{ id: 'a', category: 'a' }, { id: 'c', category: 'c' }]);
    const snapshots = () => served.fill(['a', 'b', 'c'].map((itemId) => ({ type: 'impression', itemId, time: NOW }))).map((event) => event.item?.category);
    expect(snapshots()).toEqual(['a', undefined, 'c']);
    served.clear();
    expect(snapshots()).toEqual([undefined, undefined, undefined]);
  });

  it('is how the engine stores the impressions the page sends as ids', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.rank({ slot: 'grid', items: [tent] });
    const impression: InklingEvent = { id: 'p1:0', type: 'impression', itemId: 't1', time: NOW, pageViewId: 'p1', itemListId: 'grid', index: 0 };
    await engine.ingest([impression]);
    const { events } = await engine.export();
    expect(events).toEqual([{ ...impression, item: { category: 'tents', tags: ['2p'], brand: 'b0', price: 249 } }]);
    await engine.forget();
    await engine.ingest([{ ...impression, id: 'p1:1' }]);
    expect((await engine.export()).events.map((event) => event.item)).toEqual([undefined]);
  });
});
