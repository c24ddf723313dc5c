import { describe, expect, it } from 'vitest';
import type { Ranking } from '../../../common/types.js';
import { forTheWire } from '../../../worker/wire-ranking.js';
import { restoreItems } from '../../../src/rank-result.js';

const reason = { kind: 'strategy', source: 'personal', text: 'you looked at tents', value: 0.4 } as const;
const ranking: Ranking = {
  group: 'personalized',
  items: [
    {
      item: { id: 't2', category: 'tents', tags: ['2p'], price: 249 },
      score: 0.9,
      originalIndex: 1,
      reasons: [reason],
    },
    { item: { id: 's1', category: 'shoes', price: 99 }, score: 0.4, originalIndex: 0, reasons: [] },
  ],
  removed: [
    {
      item: { id: 'b1', category: 'bags' },
      score: 0.1,
      originalIndex: 2,
      reasons: [{ kind: 'rule', source: 'exclude', text: 'bought 2 days ago' }],
    },
  ],
};

describe('forTheWire', () => {
  it('keeps order, scores, places and reasons, and only the id of each item', () => {
    const wire = forTheWire(ranking);
    expect(wire.group).toBe('personalized');
    expect(wire.items).toEqual([
      { item: { id: 't2' }, score: 0.9, originalIndex: 1, reasons: [reason] },
      { item: { id: 's1' }, score: 0.4, originalIndex: 0, reasons: [] },
    ]);
    expect(wire.removed).toEqual([
      { item: { id: 'b1' }, score: 0.1, originalIndex: 2, reasons: ranking.removed[0]!.reasons },
    ]);
    // The engine's own ranking is left as it was (it is kept for explain()).
    expect(ranking.items[0]!.item.category).toBe('tents');
  });

  it("is all the page needs: restoreItems puts the caller's own objects back", () => {
    const own = [
      { id: 's1', extra: () => 's1' },
      { id: 't2', extra: () => 't2' },
      { id: 'b1', extra: () => 'b1' },
    ];
    const restored = restoreItems(forTheWire(ranking), own);
    expect(restored.items.map((entry) => entry.item)).toEqual([own[1], own[0]]);
    expect(restored.items[0]!.item).toBe(own[1]);
    expect(restored.removed[0]!.item).toBe(own[2]);
  });

  it("hands back the caller's object even when its id is not the string the engine saw (a plain-JS caller's number)", () => {
    const own = [{ id: 7 }, { id: 8 }, { id: 9 }] as unknown as { id: string }[];
    const wire = forTheWire({
      ...ranking,
      items: ranking.items.map((entry) => ({
        ...entry,
        item: { ...entry.item, id: String(own[entry.originalIndex]!.id) },
      })),
    });
    expect(restoreItems(wire, own).items.map((entry) => entry.item)).toEqual([own[1], own[0]]);
  });
});
