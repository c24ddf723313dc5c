// The per-slot choice check must keep its evidence across page views: each page view is a new engine
// on the same IndexedDB, which rebuilds the evidence from the stored events or restores it from a checkpoint.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { InklingEvent, Item } from '../../../common/types.js';
import { CHECKPOINT_AFTER_EVENTS } from '../../../worker/state/checkpoint.js';
import { createEngine } from '../../../worker/engine.js';
import { openIdbStore } from '../../../worker/store/idb-store.js';

const T0 = Date.UTC(2026, 0, 5, 12);
const MINUTE = 60_000;
const items: Item[] = Array.from({ length: 12 }, (_, i) => ({
  id: `item-${i}`,
  category: i % 2 ? 'shoes' : 'hats',
  brand: `brand-${i % 3}`,
}));
const siteOrder = items.map((item) => item.id);
/** Earlier visits: shoes, which the model then puts first. */
const earlier: InklingEvent[] = [1, 3, 5].map((i, k) => ({
  id: `earlier-${k}`,
  type: 'view',
  itemId: items[i]!.id,
  time: T0 - (10 - k) * MINUTE,
  item: items[i]!,
}));

/**
 * One page view: a new engine on the database and one ranking of the slot; then, when `pick` names one,
 * the visitor's choice from the order served.
 */
async function pageView(factory: IDBFactory, at: number, pick?: (order: readonly string[]) => string) {
  const engine = createEngine({ indexedDB: factory, now: () => at + 1000, learn: false });
  await engine.configure({ mode: 'full' });
  const ranking = await engine.rank({ slot: 'grid', items, context: { time: at } });
  const order = ranking.items.map((entry) => entry.item.id);
  if (pick) {
    const item = items.find((candidate) => candidate.id === pick(order))!;
    await engine.ingest([{ id: `view-${at}`, type: 'view', itemId: item.id, time: at + 1000, item }]);
  }
  const { events } = await engine.export();
  await engine.close();
  return { order, events };
}

async function append(factory: IDBFactory, events: readonly InklingEvent[]): Promise<void> {
  const store = await openIdbStore({ factory });
  for (let start = 0; start < events.length; start += 250) await store.append(events.slice(start, start + 250));
  await store.close();
}

/** Impressions in another slot: enough for a start that reads them to save a checkpoint. */
const filler = (from: number, tag: string): InklingEvent[] =>
  Array.from({ length: CHECKPOINT_AFTER_EVENTS }, (_, k) => ({
    id: `${tag}-${k}`,
    type: 'impression',
    itemId: `other-${k % 50}`,
    time: from + k,
    itemListId: 'rail',
  }));

/** The visitor's pick: of the items the model placed in its lower half, the one the site placed first. */
const siteFavourite = (order: readonly string[]) => siteOrder.find((id) => order.indexOf(id) >= order.length / 2)!;

/** Page views, each a new engine, in which the visitor picks what the site put first and the model did not. */
async function pickingTheSitesOrder(factory: IDBFactory, from: number, pageViews: number) {
  const choices: InklingEvent[] = [];
  for (let n = 0; n < pageViews; n++) {
    const { events } = await pageView(factory, from + n * MINUTE, siteFavourite);
    choices.push(...events.filter((event) => event.choice !== undefined && event.time >= from + n * MINUTE));
  }
  return choices;
}

describe('choice check across page views', () => {
  it('stores each choice with its places, and a new engine serves the order the stored choices favour', async () => {
    const factory = new IDBFactory();
    await append(factory, earlier);
    // Without evidence the slot gets the model's order: the shoes first.
    const first = await pageView(factory, T0);
    expect(first.order).not.toEqual(siteOrder);

    const choices = await pickingTheSitesOrder(factory, T0 + MINUTE, 3);
    expect(choices).toHaveLength(3);
    for (const { choice } of choices) {
      expect(choice!.slot).toBe('grid');
      expect(choice!.site).toBeLessThanOrEqual(choice!.model);
    }
    // A new engine, which ranked nothing before, rebuilds the evidence from the stored events alone.
    const next = await pageView(factory, T0 + 10 * MINUTE);
    expect(next.order).toEqual(siteOrder);
  });

  it('keeps the evidence in the checkpoint: a start that reads no event still serves it', async () => {
    const factory = new IDBFactory();
    await append(factory, [...filler(T0 - 20 * MINUTE, 'a'), ...earlier]);
    await pickingTheSitesOrder(factory, T0, 3);
    // The choices came after the first checkpoint; this start reads them with another thousand events and saves them.
    await append(factory, filler(T0 + 5 * MINUTE, 'b'));
    await pageView(factory, T0 + 6 * MINUTE);
    const store = await openIdbStore({ factory });
    const since = await store.eventsSince();
    await store.close();
    expect(since.checkpoint).toBeDefined();
    expect(since.events).toHaveLength(0);
    const saved = JSON.parse(String(since.checkpoint)) as { choices?: unknown[] };
    expect(saved.choices).toContainEqual([
      'grid',
      expect.objectContaining({ site: expect.objectContaining({ n: 3 }) }),
    ]);

    const next = await pageView(factory, T0 + 7 * MINUTE);
    expect(next.order).toEqual(siteOrder);
  });
});
