import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/engine.js';
import { PRIOR_WEIGHTS } from '../../../worker/model/weights.js';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import type { InklingEvent } from '../../../common/types.js';
import { faultyIndexedDB } from './faulty-idb.js';

const NOW = 1_700_000_000_000;
const priorAsExported = Object.fromEntries(
  PRIOR_WEIGHTS.layers.flatMap((layer, i) => [
    [`layer${i}.kernel`, layer.weights],
    [`layer${i}.bias`, layer.bias],
  ]),
);

/** A page view in which `clicked` was clicked and the other listed items were seen and ignored. */
function pageView(view: number, clicked: string, listed: readonly string[]): InklingEvent[] {
  const at = NOW - 60_000 + view * 1000;
  return [
    ...listed.map((itemId, index): InklingEvent => ({
      id: `i${view}-${itemId}`,
      type: 'impression',
      itemId,
      time: at,
      pageViewId: `p${view}`,
      itemListId: 'grid',
      index,
      item: { category: itemId[0] },
    })),
    {
      id: `c${view}`,
      type: 'click',
      itemId: clicked,
      time: at + 500,
      pageViewId: `p${view}`,
      itemListId: 'grid',
      item: { category: clicked[0] },
    },
  ];
}

/** An engine started on `factory`: it ignores the saved weights, starts from the prior and says so. */
async function expectPriorWithWarning(factory: IDBFactory): Promise<void> {
  const warnings: string[] = [];
  const engine = createEngine({ indexedDB: factory, now: () => NOW, onWarning: (message) => warnings.push(message) });
  await engine.configure({ mode: 'full' });
  expect((await engine.export()).model!.weights).toEqual(priorAsExported);
  expect(warnings.some((message) => message.includes('saved model ignored'))).toBe(true);
  await engine.close();
}

describe('model weights in IndexedDB', () => {
  it('are saved after on-device training, restored by the next engine, and reset to the prior by forget()', async () => {
    const idb = faultyIndexedDB();
    const first = createEngine({ indexedDB: idb.factory, now: () => NOW });
    await first.configure({ mode: 'full' });
    for (let view = 0; view < 3; view++) await first.ingest(pageView(view, 't1', ['s1', 't1', 's2']));
    const learned = (await first.export()).model!.weights;
    expect(learned).not.toEqual(priorAsExported);
    await first.close();

    // A new page load: the learned weights come back from the database, not the prior.
    const second = createEngine({ indexedDB: idb.factory, now: () => NOW });
    await second.configure({ mode: 'full' });
    expect((await second.export()).model!.weights).toEqual(learned);

    await second.forget();
    expect((await second.export()).model!.weights).toEqual(priorAsExported);
    await second.close();
    const third = createEngine({ indexedDB: idb.factory, now: () => NOW });
    await third.configure({ mode: 'full' });
    expect((await third.export()).model!.weights).toEqual(priorAsExported);
    await third.close();
  });

  it('ignores saved weights that do not fit this SDK version and starts from the prior, with a warning', async () => {
    const idb = faultyIndexedDB();
    const first = createEngine({ indexedDB: idb.factory, now: () => NOW });
    await first.configure({ mode: 'full' });
    await first.ingest(pageView(0, 't1', ['s1', 't1']));
    await first.close();
    const disk = await openIdbStore({ factory: idb.factory });
    await disk.putValue('model-weights', { kind: 'logistic', features: ['an', 'older', 'feature', 'set'], layers: [] });
    await disk.close();

    await expectPriorWithWarning(idb.factory);
  });

  it('ignores saved weights of another shape (a logistic saved by an earlier version) with a warning', async () => {
    const idb = faultyIndexedDB();
    const disk = await openIdbStore({ factory: idb.factory });
    const logistic = {
      kind: 'logistic',
      features: PRIOR_WEIGHTS.features,
      layers: [
        {
          inputs: PRIOR_WEIGHTS.features.length,
          outputs: 1,
          weights: PRIOR_WEIGHTS.features.map(() => 0.5),
          bias: [0],
        },
      ],
    };
    const saved =
      PRIOR_WEIGHTS.kind === 'logistic'
        ? {
            ...PRIOR_WEIGHTS,
            layers: [
              {
                ...PRIOR_WEIGHTS.layers[0]!,
                outputs: 2,
                weights: [...PRIOR_WEIGHTS.layers[0]!.weights, ...PRIOR_WEIGHTS.layers[0]!.weights],
                bias: [0, 0],
              },
              { inputs: 2, outputs: 1, weights: [1, 1], bias: [0] },
            ],
            kind: 'mlp',
          }
        : logistic;
    await disk.putValue('model-weights', saved);
    await disk.close();
    await expectPriorWithWarning(idb.factory);
  });
});

describe('on-device training budget', () => {
  it('spends at most maxTrainingSteps per page view, however many batches it sends', async () => {
    const engine = createEngine({ storage: 'memory', now: () => NOW, maxTrainingSteps: 1 });
    const click = (id: string, pageViewId: string): InklingEvent => ({
      id,
      type: 'click',
      itemId: id,
      time: NOW - 1000,
      pageViewId,
      item: { category: 't' },
    });
    const weights = async () => (await engine.export()).model!.weights;
    await engine.ingest([click('a', 'p1')]);
    const afterFirst = await weights();
    expect(afterFirst).not.toEqual(priorAsExported);
    // Same page view, budget spent: the example waits.
    await engine.ingest([click('b', 'p1')]);
    expect(await weights()).toEqual(afterFirst);
    // The next page view trains again.
    await engine.ingest([click('c', 'p2')]);
    expect(await weights()).not.toEqual(afterFirst);
    await engine.close();
  });
});
