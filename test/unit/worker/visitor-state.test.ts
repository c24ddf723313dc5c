import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/index.js';
import { emptyState, foldEvents } from '../../../worker/state/visitor-state.js';
import type { InklingEvent, ItemSnapshot } from '../../../common/types.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const good = (n: number): InklingEvent => ({
  id: `g${n}`,
  type: 'click',
  itemId: `g${n}`,
  time: NOW - 1000 + n,
  item: { category: 'tents' },
});
const bad: InklingEvent = {
  id: 'bad',
  type: 'click',
  itemId: 'b1',
  time: NOW - 500,
  item: { category: 'tents', tags: { trail: true } as unknown as ItemSnapshot['tags'] },
};

describe('foldEvents: one bad event in a batch', () => {
  it('keeps every good event around it and repairs the bad snapshot', () => {
    const state = emptyState();
    const fresh = foldEvents(state, [good(1), good(2), good(3), bad, good(4), good(5)]);
    expect(fresh.map((event) => event.id)).toEqual(['g1', 'g2', 'g3', 'bad', 'g4', 'g5']);
    expect(fresh[3]!.item).toEqual({ category: 'tents' });
    // A later event about the same item (no snapshot of its own) still folds.
    expect(foldEvents(state, [{ id: 'later', type: 'view', itemId: 'b1', time: NOW }])).toHaveLength(1);
  });

  it('skips an event that fails to fold and keeps the rest (the observer throws for it)', () => {
    const state = emptyState();
    const fresh = foldEvents(state, [good(1), good(2), good(3), good(4)], (event) => {
      if (event.id === 'g2') throw new Error('boom');
    });
    expect(fresh.map((event) => event.id)).toEqual(['g1', 'g3', 'g4']);
  });

  it('the engine stores all five good events of such a batch', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.ingest([good(1), good(2), good(3), bad, good(4), good(5)]);
    const ids = (await engine.export()).events.map((event) => event.id);
    for (const id of ['g1', 'g2', 'g3', 'g4', 'g5']) expect(ids).toContain(id);
  });
});

describe('foldEvents: an event tracked without its item', () => {
  it("counts for taste with the item's snapshot from an earlier event, and is kept as it was sent", () => {
    const state = emptyState();
    const view: InklingEvent = { id: 'v', type: 'view', itemId: 't1', time: NOW - 2000, item: { category: 'tents' } };
    const purchase: InklingEvent = { id: 'p', type: 'purchase', itemId: 't1', time: NOW - 1000 };
    const fresh = foldEvents(state, [view, purchase]);
    // The view (1) and the purchase (4), at about the same time.
    expect(state.profile.categories.get('tents')?.value).toBeCloseTo(5, 3);
    expect(fresh[1]).toBe(purchase);
    expect(purchase.item).toBeUndefined();
  });
});
