import { describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_RECIPE, MODEL_ONLY_RECIPE } from '../../../worker/index.js';
import type { NeighbourTable } from '../../../worker/site/neighbour-table.js';
import type { ModelWeights } from '../../../worker/model/weights.js';
import { FEATURE_NAMES } from '../../../worker/features.js';
import type { Item } from '../../../common/types.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const ids = (ranking: { items: readonly { item: Item }[] }) => ranking.items.map((entry) => entry.item.id);

/** Unpopular first, priced all over the place: a model that looked at popularity or price would move them. */
const items: Item[] = [
  { id: 'p1', popularity: 1, price: 900 },
  { id: 'p2', popularity: 50, price: 10 },
  { id: 'p3', popularity: 500, price: 100 },
  { id: 'p4', popularity: 5, price: 55 },
  { id: 'p5', popularity: 5000, price: 300 },
];

const TABLE: NeighbourTable = {
  format: 'inkling-neighbours',
  version: 1,
  minCount: 2,
  k: 3,
  sessions: 40,
  support: { x: 20, p4: 12, p1: 30 },
  neighbours: {
    x: [
      ['p4', 10],
      ['p1', 3],
    ],
  },
};

describe('the site order as evidence (issue 19)', () => {
  it("keeps the site order exactly for a visitor with no history, whatever the items' popularity and prices", async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    for (const recipe of [undefined, DEFAULT_RECIPE, MODEL_ONLY_RECIPE]) {
      const ranking = await engine.rank({ slot: 'grid', items, ...(recipe && { recipe }) });
      expect(ids(ranking)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    }
    await engine.close();
  });

  it('with order "none", a visitor with no history sees the most popular first', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    const ranking = await engine.rank({ slot: 'grid', items, order: 'none' });
    expect(ids(ranking).slice(0, 3)).toEqual(['p5', 'p3', 'p2']);
    await engine.close();
  });

  it('moves an item only on evidence: the item the visitor just viewed comes first', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.ingest([{ type: 'view', itemId: 'p4', time: NOW - 20_000 }]);
    const ranking = await engine.rank({ slot: 'grid', items });
    expect(ids(ranking)[0]).toBe('p4');
    // The rest moves only by where it sits against the viewed item in the site's order (people read on
    // from an item they looked at), never by popularity or price: p2 and p3 keep their order.
    const rest = ids(ranking).filter((id) => id !== 'p4');
    expect(rest[0]).toBe('p1');
    expect(rest.indexOf('p2')).toBeLessThan(rest.indexOf('p3'));
    await engine.close();
  });
});

describe('neighbours in the engine', () => {
  it('the neighbours strategy ranks the co-engaged items of what the visitor just engaged with', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false, neighbours: TABLE });
    await engine.ingest([{ type: 'view', itemId: 'x', time: NOW - 5_000 }]);
    const ranking = await engine.rank({
      slot: 'grid',
      items,
      recipe: { strategies: [{ use: 'neighbours', weight: 1 }] },
    });
    expect(ids(ranking).slice(0, 2)).toEqual(['p4', 'p1']);
    expect(ranking.items[0]!.reasons[0]!.text).toContain('engaged with together with your latest items');
    await engine.close();
  });

  it('without a table the neighbours strategy has no say (the site order stays)', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.ingest([{ type: 'view', itemId: 'x', time: NOW - 5_000 }]);
    const ranking = await engine.rank({
      slot: 'grid',
      items,
      recipe: { strategies: [{ use: 'neighbours', weight: 1 }] },
    });
    expect(ids(ranking)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    await engine.close();
  });

  it('configure applies a site prior and a neighbour table at run time, and rejects a bad table naming the field', async () => {
    // A prior that only reads the neighbour column: the order then follows the table.
    const weights = FEATURE_NAMES.map((name) => (name === 'neighbourOfRecent' ? 10 : name === 'baseOrder' ? 0.1 : 0));
    const prior: ModelWeights = {
      kind: 'logistic',
      features: FEATURE_NAMES,
      layers: [{ inputs: FEATURE_NAMES.length, outputs: 1, weights, bias: [0] }],
    };
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await engine.ingest([{ type: 'view', itemId: 'x', time: NOW - 5_000 }]);
    await engine.configure({ prior, neighbours: TABLE });
    const ranking = await engine.rank({ slot: 'grid', items, recipe: MODEL_ONLY_RECIPE });
    expect(ids(ranking).slice(0, 2)).toEqual(['p4', 'p1']);
    await expect(
      engine.configure({ neighbours: { ...TABLE, version: 2 } as unknown as NeighbourTable }),
    ).rejects.toThrow('version must be 1');
    await engine.close();
  });
});
