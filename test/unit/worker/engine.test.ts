import { describe, expect, it } from 'vitest';
import { memory } from '@tensorflow/tfjs-core/dist/base';
import { createEngine } from '../../../worker/index.js';
import { PRIOR_WEIGHTS } from '../../../worker/model/weights.js';
import type { InklingEvent, Item } from '../../../common/types.js';

const catalog: Item[] = [
  ...['a1', 'a2', 'a3'].map((id) => ({ id, category: 'shoes', price: 80 })),
  ...['b1', 'b2', 'b3'].map((id) => ({ id, category: 'tents', price: 200 })),
];
const NOW = Date.UTC(2026, 10, 1, 12);

function clicksOn(ids: string[], category: string): InklingEvent[] {
  return ids.flatMap((itemId, i) => [
    {
      type: 'impression',
      itemId,
      time: NOW - 10_000 + i,
      pageViewId: 'p1',
      itemListId: 'grid',
      index: i,
      item: { category },
    },
    {
      type: 'click',
      itemId,
      time: NOW - 9_000 + i,
      pageViewId: 'p1',
      itemListId: 'grid',
      index: i,
      item: { category },
    },
  ]);
}

describe('engine', () => {
  it('keeps the site order for a visitor with no history', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW });
    const ranking = await engine.rank({ slot: 'grid', items: catalog });
    expect(ranking.items.map((entry) => entry.item.id)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
  });

  it('puts the clicked category first', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW });
    await engine.ingest(clicksOn(['b1', 'b2'], 'tents'));
    const ranking = await engine.rank({ slot: 'grid', items: catalog });
    expect(ranking.items.slice(0, 3).map((entry) => entry.item.category)).toEqual(['tents', 'tents', 'tents']);
  });

  it("words each ranking's reasons from the profile as it is then, counted once per change", async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    const inTents = async () => {
      const ranking = await engine.rank({ slot: 'grid', items: catalog });
      return ranking.items
        .find((entry) => entry.item.id === 'b3')!
        .reasons.find((reason) => reason.source === 'personal' && reason.kind === 'signal')?.text;
    };
    await engine.ingest(clicksOn(['b1'], 'tents'));
    expect(await inTents()).toBe('you looked at 1 item in tents');
    expect(await inTents()).toBe('you looked at 1 item in tents');
    await engine.ingest(clicksOn(['b2'], 'tents'));
    expect(await inTents()).toBe('you looked at 2 items in tents');
  });

  it('never returns a purchased item', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW });
    await engine.ingest([{ type: 'purchase', itemId: 'a2', time: NOW - 1000, item: { category: 'shoes' } }]);
    const ranking = await engine.rank({ slot: 'grid', items: catalog });
    expect(ranking.items.map((entry) => entry.item.id)).not.toContain('a2');
    expect(ranking.removed.map((entry) => entry.item.id)).toEqual(['a2']);
  });

  it('learns from clicks only when learning is on', async () => {
    const events = clicksOn(['b1', 'a3'], 'tents');
    const learning = createEngine({ storage: 'memory', now: () => NOW });
    const fixed = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    await learning.ingest(events);
    await fixed.ingest(events);
    const weights = async (engine: typeof fixed) => (await engine.export()).model?.weights;
    expect(await weights(fixed)).toEqual(
      Object.fromEntries(
        PRIOR_WEIGHTS.layers.flatMap((layer, i) => [
          [`layer${i}.kernel`, layer.weights],
          [`layer${i}.bias`, layer.bias],
        ]),
      ),
    );
    expect(await weights(learning)).not.toEqual(await weights(fixed));
  });

  it('returns the tensor count to its baseline after ranking and training', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW });
    // Warm-up: the optimizer creates its moment variables on its first step; they live as long as the model.
    await engine.ingest(clicksOn(['b1'], 'tents'));
    await engine.rank({ slot: 'grid', items: catalog });
    // Training runs after ingest() resolves; export() waits for it.
    await engine.export();
    const baseline = memory().numTensors;
    for (let i = 0; i < 200; i++) {
      await engine.ingest(clicksOn(['b1'], 'tents').map((event) => ({ ...event, pageViewId: `p${i}` })));
      await engine.rank({ slot: 'grid', items: catalog });
    }
    await engine.export();
    expect(memory().numTensors).toBe(baseline);
  });
});
