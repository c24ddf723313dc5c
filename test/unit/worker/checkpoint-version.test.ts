// A checkpoint written by an SDK whose state had another shape must be ignored: the state is rebuilt
// from the stored events and ranks exactly as a start that never had a checkpoint.
import { describe, expect, it } from 'vitest';
import type { InklingEvent, Item, Recipe } from '../../../common/types.js';
import { createEngine } from '../../../worker/engine.js';
import { CHECKPOINT_VERSION } from '../../../worker/state/checkpoint.js';
import { createMemoryStore } from '../../../worker/store/memory-store.js';
import type { EventStore } from '../../../worker/store/event-store.js';

const NOW = Date.UTC(2026, 10, 20, 12);
const MINUTE = 60_000;
const catalog: Item[] = ['tent', 'shoe', 'sock', 'hat', 'bag', 'lamp'].flatMap((kind) =>
  [1, 2].map((n): Item => ({ id: `${kind}-${n}`, category: kind, tags: [kind === 'tent' ? 'outdoor' : 'town'] })),
);
const item = (id: string) => catalog.find((entry) => entry.id === id)!;
const events: InklingEvent[] = [
  ...catalog.map((entry, k): InklingEvent => ({
    id: `imp-${k}`,
    type: 'impression',
    itemId: entry.id,
    time: NOW - 30 * MINUTE + k,
    pageViewId: 'pv-1',
    itemListId: 'grid',
    item: entry,
  })),
  { id: 'c1', type: 'click', itemId: 'tent-1', time: NOW - 20 * MINUTE, item: item('tent-1') },
  { id: 'v1', type: 'view', itemId: 'tent-2', time: NOW - 15 * MINUTE, item: item('tent-2') },
  { id: 'p1', type: 'purchase', itemId: 'lamp-1', time: NOW - 10 * MINUTE, item: item('lamp-1') },
  { id: 'd1', type: 'dismiss', itemId: 'hat-1', time: NOW - 5 * MINUTE, item: item('hat-1') },
];
const recipe: Recipe = {
  strategies: [
    { use: 'personal', weight: 0.6 },
    { use: 'similar', weight: 0.4 },
  ],
  exclude: [{ purchased: { within: '30d' } }, { dismissed: true }],
  cap: { impressionsWithoutClick: 1, within: '1d', mode: 'sink' },
};

/**
 * A well-formed checkpoint of an empty state as version 1 wrote it (two per-item records, the `similar`
 * strategy's own engagement list): taken at face value, it would hide every stored event.
 */
const VERSION_1_EMPTY = JSON.stringify({
  version: 1,
  profile: {
    recent: [],
    priceLogSum: 0,
    priceCount: 0,
    eventCount: 0,
    categories: [],
    tags: [],
    brands: [],
    items: { ids: [], counts: [], snapshots: [] },
  },
  history: {
    ids: [],
    times: [],
    shown: [],
    shownEnds: [],
    openPageViews: [],
    engagement: { ids: [], verbs: [], times: [], snapshots: [] },
  },
  snapshots: [],
  purchases: [],
  seenIds: [],
  folded: 0,
});

async function startAndRank(store: EventStore) {
  const engine = createEngine({ store, now: () => NOW, learn: false });
  await engine.configure({ mode: 'full' });
  const ranking = await engine.rank({ slot: 'grid', items: catalog, recipe, context: { time: NOW } });
  const { profile } = await engine.export();
  await engine.close();
  return { ranking, profile };
}

describe('checkpoint version', () => {
  it('is past version 1, whose state had two records per item and two taste models', () => {
    expect(CHECKPOINT_VERSION).toBeGreaterThan(1);
  });

  it('ignores a version-1 checkpoint: the state is rebuilt from the stored events and ranks as a fresh fold', async () => {
    const old = createMemoryStore();
    await old.append(events);
    await old.putCheckpoint(VERSION_1_EMPTY, (await old.eventsSince()).mark);
    expect((await old.eventsSince()).events).toEqual([]);

    const fresh = createMemoryStore();
    await fresh.append(events);
    const expected = await startAndRank(fresh);
    // The events matter: without them the ranking is another one.
    expect(expected.ranking).not.toEqual((await startAndRank(createMemoryStore())).ranking);
    expect(await startAndRank(old)).toEqual(expected);
  });
});
