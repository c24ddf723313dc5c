import { describe, expect, it } from 'vitest';
import type { InklingEvent, Item } from '../../../common/types.js';
import { DEFAULT_RECIPE, applyRecipe } from '../../../worker/recipe/index.js';
import { NEAR_DUPLICATE_LOOKAHEAD } from '../../../worker/recipe/rules/diversity.js';
import { DAY, HOUR, MINUTE, NOW, candidatesOf, event, historyOf, ids, recipe } from './helpers.js';

const ORIGINAL = [{ use: 'original', weight: 1 }];

function run(items: readonly Item[], rules: Record<string, unknown>, events: readonly InklingEvent[] = [], draw = 0.5) {
  return applyRecipe({
    candidates: candidatesOf(items),
    recipe: recipe({ strategies: ORIGINAL, ...rules }),
    history: historyOf(events),
    now: NOW,
    holdoutDraw: draw,
  });
}

function rules(entry: { reasons: readonly { kind: string; text: string }[] } | undefined): string[] {
  return (entry?.reasons ?? []).filter((r) => r.kind === 'rule').map((r) => r.text);
}

const plain = (...list: string[]): Item[] => list.map((id) => ({ id }));

describe('rule 1: exclude', () => {
  it('removes items bought within the window and explains it', () => {
    const ranking = run(plain('a', 'b', 'c'), { exclude: [{ purchased: { within: '30d' } }] }, [
      event('purchase', 'a', 3 * DAY),
      event('purchase', 'b', 31 * DAY),
    ]);
    expect(ids(ranking.items)).toEqual(['b', 'c']);
    expect(ids(ranking.removed)).toEqual(['a']);
    expect(rules(ranking.removed[0])).toEqual(['excluded: you bought it 3 days ago (within 30d)']);
  });

  it('counts a window as "less than": bought exactly 30 days ago is allowed again', () => {
    const ranking = run(plain('edge', 'inside'), { exclude: [{ purchased: { within: '30d' } }] }, [
      event('purchase', 'edge', 30 * DAY),
      event('purchase', 'inside', 30 * DAY - 1),
    ]);
    expect(ids(ranking.items)).toEqual(['edge']);
  });

  it("lets an item's repurchase window override the recipe's, both ways", () => {
    const items: Item[] = [
      { id: 'coffee', repurchase: '7d' },
      { id: 'sofa', repurchase: '365d' },
      { id: 'shirt', repurchase: 'sometimes' },
    ];
    const events = [
      event('purchase', 'coffee', 10 * DAY),
      event('purchase', 'sofa', 100 * DAY),
      event('purchase', 'shirt', 10 * DAY),
    ];
    const ranking = run(items, { exclude: [{ purchased: { within: '30d' } }] }, events);
    expect(ids(ranking.items)).toEqual(['coffee']);
    expect(rules(ranking.removed[0])).toEqual([
      'excluded: you bought it 100 days ago (can be bought again after 365d)',
    ]);
    const forever = run(items, { exclude: [{ purchased: true }] }, events);
    expect(ids(forever.items)).toEqual(['coffee']);
  });

  it('removes dismissed items, optionally only within a window', () => {
    const events = [event('dismiss', 'a', 2 * HOUR), event('dismiss', 'b', 3 * DAY)];
    expect(ids(run(plain('a', 'b', 'c'), { exclude: [{ dismissed: true }] }, events).items)).toEqual(['c']);
    const windowed = run(plain('a', 'b', 'c'), { exclude: [{ dismissed: { within: '1d' } }] }, events);
    expect(ids(windowed.items)).toEqual(['b', 'c']);
    expect(rules(windowed.removed[0])).toEqual(['excluded: you dismissed it 2 hours ago']);
  });

  it('removes items matching attribute filters: stock, category list, price range, attributes', () => {
    const items: Item[] = [
      { id: 'gone', inStock: false },
      { id: 'cheap', price: 5 },
      { id: 'mid', price: 50 },
      { id: 'toy', category: 'toys' },
      { id: 'red', attributes: { color: 'red' } },
      { id: 'plain' },
    ];
    const ranking = run(items, {
      exclude: [
        { where: { inStock: false } },
        { where: { category: ['toys', 'games'] } },
        { where: { price: { min: 10, max: 100 } } },
        { where: { attributes: { color: ['red', 'blue'] } } },
      ],
    });
    expect(ids(ranking.items)).toEqual(['cheap', 'plain']);
    expect(ranking.removed.map((r) => rules(r)[0])).toEqual([
      'excluded: out of stock',
      'excluded: price 10-100',
      'excluded: category toys or games',
      'excluded: color red or blue',
    ]);
  });

  it('holds for a cold-start visitor on a trending-only recipe', () => {
    const items: Item[] = [
      { id: 'hit', popularity: 1000, inStock: false },
      { id: 'ok', popularity: 10 },
    ];
    const ranking = applyRecipe({
      candidates: candidatesOf(items),
      recipe: recipe({ strategies: [{ use: 'trending', weight: 1 }], exclude: [{ where: { inStock: false } }] }),
      history: historyOf(),
      now: NOW,
      holdoutDraw: 0.5,
    });
    expect(ids(ranking.items)).toEqual(['ok']);
  });

  it('the default recipe excludes recent purchases and dismissals', () => {
    const ranking = applyRecipe({
      candidates: candidatesOf(plain('a', 'b', 'c', 'd')),
      recipe: DEFAULT_RECIPE,
      history: historyOf([
        event('purchase', 'a', DAY),
        event('dismiss', 'b', 100 * DAY),
        event('purchase', 'c', 40 * DAY),
      ]),
      now: NOW,
      holdoutDraw: 0.5,
    });
    expect(ids(ranking.items)).toEqual(['c', 'd']);
  });
});

describe('rule 2: frequency cap and rotation', () => {
  const shown = (id: string, times: number, startAgo = 50 * MINUTE): InklingEvent[] =>
    Array.from({ length: times }, (_, i) => event('impression', id, startAgo - i * MINUTE, { pageViewId: `pv${i}` }));

  it('sinks an item shown N times without a click', () => {
    const ranking = run(plain('a', 'b', 'c'), { cap: { impressionsWithoutClick: 5, within: '1h' } }, shown('a', 5));
    expect(ids(ranking.items)).toEqual(['b', 'c', 'a']);
    expect(rules(ranking.items[2])).toEqual(['capped: shown 5 times without a click in 1h, moved to the end']);
  });

  it('drops it in drop mode, and not when it is under the cap, outside the window or clicked since', () => {
    const events = [
      ...shown('a', 5),
      ...shown('b', 4),
      ...shown('c', 5, 3 * HOUR),
      ...shown('d', 5),
      event('click', 'd', 30 * MINUTE),
    ];
    const ranking = run(
      plain('a', 'b', 'c', 'd'),
      { cap: { impressionsWithoutClick: 5, within: '1h', mode: 'drop' } },
      events,
    );
    expect(ids(ranking.items)).toEqual(['b', 'c', 'd']);
    expect(rules(ranking.removed[0])).toEqual(['capped: shown 5 times without a click in 1h, removed']);
  });

  it('rotation penalises recently shown items, recovering over its window', () => {
    const items = plain('a', 'b', 'c');
    const events = [event('impression', 'a', 0), event('impression', 'b', 12 * HOUR)];
    const ranking = applyRecipe({
      candidates: candidatesOf(items, [0.9, 0.5, 0.2]),
      recipe: recipe({ strategies: [{ use: 'personal', weight: 1 }], rotation: { rate: 0.7 } }),
      history: historyOf(events),
      now: NOW,
      holdoutDraw: 0.5,
    });
    // model scores 0.9, 0.5, 0.2 before rotation; a x0.3 = 0.27, b x0.65 = 0.325
    expect(ids(ranking.items)).toEqual(['b', 'a', 'c']);
    expect(rules(ranking.items[0])).toEqual(['rotated: shown 12 hours ago, score x0.65']);
    expect(rules(ranking.items[1])).toEqual(['rotated: shown just now, score x0.3']);
  });
});

describe('rule 3: boost and bury', () => {
  it('multiplies matching scores, compounding, and explains each', () => {
    const items: Item[] = [{ id: 'a' }, { id: 'b', brand: 'meh' }, { id: 'c', category: 'sale', tags: ['new'] }];
    const ranking = run(items, {
      boost: [
        { where: { category: 'sale' }, by: 1.5 },
        { where: { tags: 'new' }, by: 2 },
        { where: { brand: 'meh' }, by: 0.5 },
      ],
    });
    // original scores 5/6, 1/2, 1/6; b x0.5 = 1/4, c x3 = 1/2
    expect(ids(ranking.items)).toEqual(['a', 'c', 'b']);
    expect(ranking.items[2]?.score).toBeCloseTo(0.25);
    expect(rules(ranking.items[1])).toEqual(['boosted x1.5: category sale', 'boosted x2: tag new']);
    expect(rules(ranking.items[2])).toEqual(['buried x0.5: brand meh']);
    const lifted = applyRecipe({
      candidates: candidatesOf(items, [0.9, 0.5, 0.4]),
      recipe: recipe({ strategies: [{ use: 'personal', weight: 1 }], boost: [{ where: { id: 'c' }, by: 6 }] }),
      history: historyOf(),
      now: NOW,
      holdoutDraw: 0.5,
    });
    // even the lowest-ranked item has a score above 0, so a boost always counts: 1/6 x 6 > 5/6
    expect(ids(lifted.items)).toEqual(['c', 'a', 'b']);
    const buried = applyRecipe({
      candidates: candidatesOf(items, [0.9, 0.5, 0.4]),
      recipe: recipe({
        strategies: [
          { use: 'personal', weight: 1 },
          { use: 'original', weight: 1 },
        ],
        boost: [{ where: { id: 'a' }, by: 0.1 }],
      }),
      history: historyOf(),
      now: NOW,
      holdoutDraw: 0.5,
    });
    expect(ids(buried.items)).toEqual(['b', 'c', 'a']);
  });
});

describe('rule 4: diversity', () => {
  it('keeps at most N per category in the top K, and says who moved down', () => {
    const items: Item[] = ['a', 'a', 'a', 'b', 'a', 'b'].map((category, i) => ({ id: `i${i}`, category }));
    const ranking = run(items, { diversity: { maxPerTop: { k: 4, max: 2 } } });
    expect(ids(ranking.items)).toEqual(['i0', 'i1', 'i3', 'i5', 'i2', 'i4']);
    expect(rules(ranking.items[4])).toEqual(['diversity: moved down, already 2 items with category a in the top 4']);
  });

  it('never limits a value with no string form, and does not throw on it (found by the robustness property)', () => {
    const items = [
      { id: 'a', brand: { toString: [] } },
      { id: 'b', brand: 'acme' },
      { id: 'c', brand: 'acme' },
    ] as unknown as Item[];
    const ranking = run(items, { diversity: { field: 'brand', maxPerTop: { k: 2, max: 1 } } });
    expect(ids(ranking.items)).toEqual(['a', 'b', 'c']);
  });

  it('gives way only when the catalog leaves no choice', () => {
    const items: Item[] = ['a', 'a', 'a', 'b'].map((category, i) => ({ id: `i${i}`, category }));
    const ranking = run(items, { diversity: { maxPerTop: { k: 4, max: 1 } } });
    expect(ids(ranking.items)).toEqual(['i0', 'i3', 'i1', 'i2']);
    expect(rules(ranking.items[2])).toEqual([
      'diversity: moved down, already 1 items with category a in the top 4',
      'diversity: limit relaxed (already 1 items with category a in the top 4), no other item fits here',
    ]);
  });

  it('counts any field: brand or an attribute', () => {
    const items: Item[] = [
      { id: 'x', brand: 'acme', attributes: { size: 'L' } },
      { id: 'y', brand: 'acme', attributes: { size: 'L' } },
      { id: 'z', brand: 'zeta', attributes: { size: 'M' } },
    ];
    expect(ids(run(items, { diversity: { field: 'brand', maxPerTop: { k: 2, max: 1 } } }).items)).toEqual([
      'x',
      'z',
      'y',
    ]);
    expect(ids(run(items, { diversity: { field: 'attributes.size', maxPerTop: { k: 2, max: 1 } } }).items)).toEqual([
      'x',
      'z',
      'y',
    ]);
  });

  it('never puts near-duplicate titles or embeddings side by side in the top K', () => {
    const items: Item[] = [
      { id: 'a', title: 'Trail Runner 2 Blue' },
      { id: 'b', title: 'Trail runner 2, blue!' },
      { id: 'c', title: 'Wool socks' },
      { id: 'd', embedding: [1, 0], title: 'Cap' },
      { id: 'e', embedding: [0.99, 0.05], title: 'Hat' },
      { id: 'f', title: 'Scarf' },
    ];
    const ranking = run(items, { diversity: { nearDuplicates: { k: 6, threshold: 0.9 } } });
    expect(ids(ranking.items)).toEqual(['a', 'c', 'b', 'd', 'f', 'e']);
    expect(rules(ranking.items[2])).toEqual(['diversity: moved down, too similar to its neighbour']);
  });
  it('treats identical embeddings as near-duplicates even at threshold 1', () => {
    // [0.7, 0.7] is where a cosine computed as a product of two norms falls just short of 1.
    const items: Item[] = [
      { id: 'a', embedding: [0.7, 0.7] },
      { id: 'b', embedding: [0.7, 0.7] },
      { id: 'c', embedding: [1, 0] },
    ];
    expect(ids(run(items, { diversity: { nearDuplicates: { k: 3, threshold: 1 } } }).items)).toEqual(['a', 'c', 'b']);
  });
  it('pulls an item past at most NEAR_DUPLICATE_LOOKAHEAD look-alikes', () => {
    const lookAlikes = (count: number): Item[] => [
      ...Array.from({ length: count }, (_, i) => ({ id: `dup${i}`, title: 'same old thing' })),
      { id: 'different', title: 'something else' },
    ];
    const near = run(lookAlikes(NEAR_DUPLICATE_LOOKAHEAD), { diversity: { nearDuplicates: { k: 2, threshold: 0.9 } } });
    expect(ids(near.items).slice(0, 2)).toEqual(['dup0', 'different']);
    const far = run(lookAlikes(NEAR_DUPLICATE_LOOKAHEAD + 1), {
      diversity: { nearDuplicates: { k: 2, threshold: 0.9 } },
    });
    expect(ids(far.items).slice(0, 2)).toEqual(['dup0', 'dup1']);
  });
});

describe('rule 5: pin', () => {
  it('puts pinned ids at their positions and says so', () => {
    const ranking = run(plain('a', 'b', 'c', 'd'), { pin: { d: 0, a: 2 } });
    expect(ids(ranking.items)).toEqual(['d', 'b', 'a', 'c']);
    expect(rules(ranking.items[0])).toEqual(['pinned at position 0']);
  });

  it('resolves conflicts: shared position by page order, past the end to the end', () => {
    const ranking = run(plain('a', 'b', 'c', 'd'), { pin: { c: 1, b: 1, a: 99 } });
    expect(ids(ranking.items)).toEqual(['d', 'b', 'c', 'a']);
    expect(rules(ranking.items[2])).toEqual([
      'pinned: asked for position 1, placed at 2 (position taken by another pin)',
    ]);
    expect(rules(ranking.items[3])).toEqual(['pinned: asked for position 99, placed at 3 (list too short)']);
    // Requested positions are served in order: the pin that really asked for the last position keeps it.
    expect(ids(run(plain('a', 'b', 'c', 'd'), { pin: { a: 99, d: 3 } }).items)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('wins over diversity and over a sink, but an excluded pinned item stays excluded', () => {
    const items: Item[] = [
      { id: 'a', category: 'x' },
      { id: 'b', category: 'x' },
      { id: 'c', category: 'y' },
      { id: 'gone', category: 'x', inStock: false },
      { id: 'tired', category: 'z' },
    ];
    const events = Array.from({ length: 3 }, (_, i) =>
      event('impression', 'tired', i * MINUTE, { pageViewId: `p${i}` }),
    );
    const ranking = run(
      items,
      {
        exclude: [{ where: { inStock: false } }],
        cap: { impressionsWithoutClick: 3, within: '1d' },
        diversity: { maxPerTop: { k: 3, max: 1 } },
        pin: { b: 1, gone: 0, tired: 0 },
      },
      events,
    );
    // b and tired are pinned inside the top 3 and count: a (x) would be a second x, so c goes first
    expect(ids(ranking.items)).toEqual(['tired', 'b', 'c', 'a']);
    expect(ids(ranking.removed)).toEqual(['gone']);
  });
});

describe('rule 6: holdout', () => {
  const items: Item[] = [{ id: 'a' }, { id: 'b', inStock: false }, { id: 'c' }];
  const rules6 = { holdout: 0.1, exclude: [{ where: { inStock: false } }], pin: { c: 0 } };

  it('keeps the page order for draws below the fraction, still without excluded items', () => {
    const ranking = run(items, rules6, [], 0.05);
    expect(ranking.group).toBe('holdout');
    expect(ids(ranking.items)).toEqual(['a', 'c']);
    expect(ids(ranking.removed)).toEqual(['b']);
    expect(rules(ranking.items[0])).toEqual(['holdout: page order kept for 10% of visitors, to measure lift']);
  });

  it('personalizes for draws at or above the fraction', () => {
    const ranking = run(items, rules6, [], 0.1);
    expect(ranking.group).toBe('personalized');
    expect(ids(ranking.items)).toEqual(['c', 'a']);
  });
});
