import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore } from '../../../worker/index.js';
import type { Item } from '../../../common/types.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const items: Item[] = ['a', 'b', 'c', 'd'].map((id, index) => ({ id, category: index % 2 ? 'x' : 'y' }));
const ids = (ranking: { items: readonly { item: Item }[] }) => ranking.items.map((entry) => entry.item.id);

describe('engine with recipes', () => {
  it('applies a named recipe and an inline one', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW });
    await engine.configure({ recipes: { promo: { strategies: [{ use: 'original', weight: 1 }], pin: { d: 0 } } } });
    expect(ids(await engine.rank({ slot: 's', items, recipe: 'promo' }))).toEqual(['d', 'a', 'b', 'c']);
    expect(
      ids(
        await engine.rank({
          slot: 's',
          items,
          recipe: { strategies: [{ use: 'original', weight: 1 }], exclude: [{ where: { category: 'x' } }] },
        }),
      ),
    ).toEqual(['a', 'c']);
  });

  it('rejects a slot whose recipe is invalid or unknown, naming the problem, and serves the others', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW });
    await engine.configure({
      recipes: {
        broken: { strategies: [{ use: 'personal', weight: 'high' }] },
        fine: { strategies: [{ use: 'original', weight: 1 }] },
      },
    });
    await expect(engine.rank({ slot: 's', items, recipe: 'broken' })).rejects.toThrow(
      'recipes.broken.strategies[0].weight: expected a number >= 0, found "high"',
    );
    await expect(engine.rank({ slot: 's', items, recipe: 'missing' })).rejects.toThrow('unknown recipe "missing"');
    expect(ids(await engine.rank({ slot: 's', items, recipe: 'fine' }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a device in the same holdout group across visits', async () => {
    const store = createMemoryStore();
    const recipe = { strategies: [{ use: 'personal' as const, weight: 1 }], holdout: 0.5 };
    const groups = new Set<string>();
    for (let visit = 0; visit < 5; visit++) {
      const engine = createEngine({ store, now: () => NOW });
      groups.add((await engine.rank({ slot: 's', items, recipe })).group);
    }
    expect(groups.size).toBe(1);
  });

  it('explains the last ranking of a slot, including removed items', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.ingest([{ id: 'e1', type: 'purchase', itemId: 'b', time: NOW - 1000 }]);
    await engine.rank({ slot: 'grid', items });
    const reasons = await engine.explain('grid', 'b');
    expect(
      reasons?.some((reason) => reason.source === 'exclude' && reason.text.startsWith('excluded: you bought it')),
    ).toBe(true);
    expect(await engine.explain('other', 'b')).toBeUndefined();
  });

  it('ranks without reasons when asked, in the same order, and explain() still words them', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.ingest([
      { id: 'e1', type: 'purchase', itemId: 'b', time: NOW - 1000 },
      { id: 'e2', type: 'view', itemId: 'c', time: NOW - 500, item: { category: 'y' } },
    ]);
    const full = await engine.rank({ slot: 'grid', items });
    const quiet = await engine.rank({ slot: 'grid', items, explain: false });
    expect(ids(quiet)).toEqual(ids(full));
    expect(quiet.items.every((entry) => entry.reasons.length === 0)).toBe(true);
    expect(await engine.explain('grid', 'c')).toEqual(full.items.find((entry) => entry.item.id === 'c')?.reasons);
  });
});
