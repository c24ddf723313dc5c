import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/index.js';
import { withSnapshots } from '../../../worker/state/served-items.js';
import type { InklingEvent, Item } from '../../../common/types.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const tent: Item = { id: 't1', category: 'tents', tags: ['2p'], brand: 'b0', price: 249, title: 'Tent', popularity: 9 };

describe('served items', () => {
  it('gives an event without an item the snapshot of the item its slot last ranked, and leaves the others as they are', () => {
    const lastRanked: Record<string, readonly Item[]> = {
      grid: [
        { ...tent, price: 199 },
        { id: 's1', category: 'shoes' },
      ],
    };
    const own = { type: 'click', itemId: 's1', time: NOW, itemListId: 'grid', item: { category: 'boots' } } as const;
    const [filled, kept, unknown] = withSnapshots(
      [
        { type: 'impression', itemId: 't1', time: NOW, itemListId: 'grid' },
        own,
        { type: 'impression', itemId: 'x9', time: NOW, itemListId: 'grid' },
      ],
      (slot) => lastRanked[slot],
    );
    expect(filled).toEqual({
      type: 'impression',
      itemId: 't1',
      time: NOW,
      itemListId: 'grid',
      item: { category: 'tents', tags: ['2p'], brand: 'b0', price: 199 },
    });
    expect(kept).toBe(own);
    expect(unknown).toEqual({ type: 'impression', itemId: 'x9', time: NOW, itemListId: 'grid' });
  });

  it('looks only in the slot the event names, as that slot was last ranked', () => {
    const lastRanked: Record<string, readonly Item[]> = {
      grid: [{ id: 'a', category: 'a' }],
      rail: [{ id: 'b', category: 'b' }],
    };
    const snapshots = () =>
      withSnapshots(
        [
          { type: 'impression', itemId: 'a', time: NOW, itemListId: 'grid' },
          { type: 'impression', itemId: 'b', time: NOW, itemListId: 'grid' },
          { type: 'impression', itemId: 'a', time: NOW },
        ],
        (slot) => lastRanked[slot],
      ).map((event) => event.item?.category);
    expect(snapshots()).toEqual(['a', undefined, undefined]);
    lastRanked.grid = [{ id: 'b', category: 'b' }];
    expect(snapshots()).toEqual([undefined, 'b', undefined]);
  });

  it('is how the engine stores the impressions the page sends as ids', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.rank({ slot: 'grid', items: [tent] });
    const impression: InklingEvent = {
      id: 'p1:0',
      type: 'impression',
      itemId: 't1',
      time: NOW,
      pageViewId: 'p1',
      itemListId: 'grid',
      index: 0,
    };
    await engine.ingest([impression]);
    const { events } = await engine.export();
    expect(events).toEqual([{ ...impression, item: { category: 'tents', tags: ['2p'], brand: 'b0', price: 249 } }]);
    await engine.forget();
    await engine.ingest([{ ...impression, id: 'p1:1' }]);
    expect((await engine.export()).events.map((event) => event.item)).toEqual([undefined]);
  });
});
