// A start from a checkpoint must rank exactly as a start that reads every stored event.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { datasetsDir } from '../../../bench/datasets-dir.mjs';
import { itemsFor, loadSpeedFixture, type SpeedFixture } from '../../../bench/speed/catalog.js';
import type { InklingEvent, Item, Recipe } from '../../../common/types.js';
import { CHECKPOINT_AFTER_EVENTS, CHECKPOINT_VERSION, takeCheckpoint } from '../../../worker/state/checkpoint.js';
import { emptyState } from '../../../worker/state/visitor-state.js';
import { createEngine } from '../../../worker/engine.js';
import type { EventStore } from '../../../worker/store/event-store.js';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import { createMemoryStore } from '../../../worker/store/memory-store.js';
import { faultyIndexedDB } from './faulty-idb.js';

// The busiest rees46 visitor's real views, with the impressions a grid of the real catalog would have
// logged around them (40 per page view), a purchase and a dismissal: every kind of event the profile,
// the caps and the purchase rules keep. The grid ranked holds the catalog and what the visitor viewed.
// The log lives outside the repository (../shared/datasets): without it the suite is skipped.
const available = datasetsDir() !== undefined;
const fixture: SpeedFixture = available ? loadSpeedFixture() : { items: [], events: [] };
const viewed = new Set(fixture.events.map((event) => event.itemId));
const catalog: Item[] = available
  ? [...itemsFor(fixture, 300), ...fixture.items.filter((item) => viewed.has(item.id))]
  : [];
const NOW = Math.max(...fixture.events.map((event) => event.time)) + 60_000;
// The first 40 % moved two days back: page views a checkpoint keeps by id and older ones it keeps as times.
const TWO_DAYS = 2 * 86_400_000;
const history: InklingEvent[] = fixture.events.flatMap((event, n) => {
  const shift = n < fixture.events.length * 0.4 ? TWO_DAYS : 0;
  return [
    { ...event, time: event.time - shift },
    ...Array.from({ length: 40 }, (_, k): InklingEvent => {
      const item = catalog[(n * 7 + k) % catalog.length]!;
      return {
        id: `imp-${n}-${k}`,
        type: 'impression',
        itemId: item.id,
        time: event.time - shift - 1000 + k,
        pageViewId: `pv-${n}`,
        itemListId: 'grid',
        index: k,
        item,
      };
    }),
  ];
});
const bought = fixture.events[fixture.events.length - 1];
if (bought && catalog[3]) {
  history.push({ id: 'purchase-1', type: 'purchase', itemId: bought.itemId, time: NOW - 10_000, item: bought.item });
  history.push({ id: 'dismiss-1', type: 'dismiss', itemId: catalog[3].id, time: NOW - 5000, item: catalog[3] });
}
// Every strategy that reads the history (personal, similar, recent), every rule that does.
const recipe: Recipe = {
  strategies: [
    { use: 'personal', weight: 0.6 },
    { use: 'similar', weight: 0.2 },
    { use: 'recent', weight: 0.2 },
  ],
  exclude: [{ purchased: { within: '30d' } }],
  cap: { impressionsWithoutClick: 3, within: '7d', mode: 'drop' },
  diversity: { field: 'category', maxPerTop: { k: 10, max: 4 } },
};
const half = Math.floor(history.length * 0.6);

async function appendInBatches(factory: IDBFactory, events: readonly InklingEvent[]): Promise<void> {
  const store = await openIdbStore({ factory });
  for (let start = 0; start < events.length; start += 100) await store.append(events.slice(start, start + 100));
  await store.close();
}

/** A page view's start on `factory`: its ranking with reasons, one explanation and the exported profile. */
async function startAndRank(factory: IDBFactory) {
  const engine = createEngine({ indexedDB: factory, now: () => NOW, learn: false });
  await engine.configure({ mode: 'full' });
  const ranking = await engine.rank({ slot: 'grid', items: catalog, recipe, context: { time: NOW } });
  const explained = await engine.explain('grid', ranking.items[0]!.item.id);
  const { profile } = await engine.export();
  await engine.close();
  return { ranking, explained, profile };
}

/** A start on `factory` ranks, explains and exports exactly as one on a database of every event, never checkpointed. */
async function expectSameAsFullReplay(factory: IDBFactory): Promise<void> {
  const replayed = faultyIndexedDB();
  await appendInBatches(replayed.factory, history);
  expect(await startAndRank(factory)).toEqual(await startAndRank(replayed.factory));
}

/** What the store would give the next start: whether a checkpoint and how many events beyond it. */
async function nextRead(factory: IDBFactory) {
  const store = await openIdbStore({ factory });
  const since = await store.eventsSince();
  await store.close();
  return { checkpoint: since.checkpoint !== undefined, events: since.events.length };
}

describe.skipIf(!available)('engine checkpoint', () => {
  it('ranks, explains and exports after a checkpoint exactly as after reading every event', async () => {
    expect(half).toBeGreaterThan(CHECKPOINT_AFTER_EVENTS);
    const resumed = faultyIndexedDB();
    await appendInBatches(resumed.factory, history.slice(0, half));
    expect(await nextRead(resumed.factory)).toEqual({ checkpoint: false, events: half });
    await startAndRank(resumed.factory); // reads all, saves a checkpoint
    await appendInBatches(resumed.factory, history.slice(half));
    expect(await nextRead(resumed.factory)).toEqual({ checkpoint: true, events: history.length - half });

    const replayed = faultyIndexedDB();
    await appendInBatches(replayed.factory, history);
    const expected = await startAndRank(replayed.factory);
    const actual = await startAndRank(resumed.factory);
    // The rules had history to work with: the purchase is excluded, items shown often are dropped.
    const removedFor = new Set(
      actual.ranking.removed.flatMap((entry) =>
        entry.reasons.filter((reason) => reason.kind === 'rule').map((reason) => reason.source),
      ),
    );
    expect([...removedFor].sort()).toEqual(['cap', 'exclude']);
    expect(actual).toEqual(expected);
  });

  it('counts once an event stored again after the checkpoint (a batch resent from an outbox)', async () => {
    const resumed = faultyIndexedDB();
    await appendInBatches(resumed.factory, history.slice(0, half));
    await startAndRank(resumed.factory);
    await appendInBatches(resumed.factory, [...history.slice(half - 300, half), ...history.slice(half)]);
    expect(await nextRead(resumed.factory)).toEqual({ checkpoint: true, events: history.length - half + 300 });

    await expectSameAsFullReplay(resumed.factory);
  });

  it('saves the checkpoint as of its start even when a batch arrives before it is written', async () => {
    const resumed = faultyIndexedDB();
    await appendInBatches(resumed.factory, history.slice(0, half));
    // A page view's start, then its first batch at once, before the deferred checkpoint's turn. (The
    // checkpoint's newest ids would also catch this batch's events; the engine does not rely on them.)
    const engine = createEngine({ indexedDB: resumed.factory, now: () => NOW, learn: false });
    await engine.configure({ mode: 'full' });
    await engine.ingest(history.slice(half));
    await engine.close();
    expect(await nextRead(resumed.factory)).toEqual({ checkpoint: true, events: history.length - half });

    await expectSameAsFullReplay(resumed.factory);
  });

  it('reads every event again when the checkpoint is of another SDK version', async () => {
    const resumed = faultyIndexedDB();
    await appendInBatches(resumed.factory, history);
    const store = await openIdbStore({ factory: resumed.factory });
    // A well-formed checkpoint of an empty state, only of the next version: using it would lose everything.
    await store.putCheckpoint(
      takeCheckpoint(emptyState(), NOW).replace(
        `"version":${CHECKPOINT_VERSION}`,
        `"version":${CHECKPOINT_VERSION + 1}`,
      ),
      (await store.eventsSince()).mark,
    );
    await store.close();
    expect(await nextRead(resumed.factory)).toEqual({ checkpoint: true, events: 0 });

    await expectSameAsFullReplay(resumed.factory);
  });

  it('leaves nothing for the next start after forget() in another tab', async () => {
    const idb = faultyIndexedDB();
    await appendInBatches(idb.factory, history);
    await startAndRank(idb.factory);
    expect((await nextRead(idb.factory)).checkpoint).toBe(true);
    const otherTab = createEngine({ indexedDB: idb.factory, now: () => NOW, learn: false });
    await otherTab.forget();
    expect(await nextRead(idb.factory)).toEqual({ checkpoint: false, events: 0 });
    expect(await startAndRank(idb.factory)).toEqual(await startAndRank(faultyIndexedDB().factory));
  });

  it('after a purge, rebuilds the state without the expired events, keeping a batch whose write lands after the rebuild read', async () => {
    const DAY = 86_400_000;
    // The history three times over (6,000+ events: the rebuild folds them in more than one slice), a
    // third of it 100 days old: expired under the default 90 days, kept under 365.
    const tripled = [0, 1, 2].flatMap((copy) =>
      history.map((event) => ({ ...event, id: `${event.id}-${copy}`, time: event.time - copy * 60_000 })),
    );
    const aged = tripled.map((event, i) =>
      i < tripled.length / 3 ? { ...event, time: event.time - 100 * DAY } : event,
    );
    const batch: InklingEvent[] = catalog
      .slice(0, 5)
      .map((item, k) => ({ id: `late-${k}`, type: 'click', itemId: item.id, time: NOW - 1000 + k, item }));
    const memory = createMemoryStore();
    await memory.append(aged);
    // Yesterday's state: a start under a long retention read everything and saved a checkpoint.
    const yesterday = createEngine({ store: memory, now: () => NOW, learn: false });
    await yesterday.configure({ mode: 'full', retentionDays: 365 });
    await yesterday.close();
    expect((await memory.eventsSince()).checkpoint).toBeDefined();

    // Today's start purges (90 days), and rebuilds while a batch's write is held back.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const store: EventStore = { ...memory, append: async (events) => (holding && (await held), memory.append(events)) };
    const today = createEngine({ store, now: () => NOW, learn: false });
    await today.configure({ mode: 'full' });
    holding = true;
    const ingesting = today.ingest(batch);
    const rebuiltProfile = (await today.export()).profile; // waits for the purge and the rebuild
    release();
    await ingesting;

    const replay = createEngine({ storage: 'memory', now: () => NOW, learn: false });
    // Oldest first, as a store reads them back: the fold order decides the profile's last digits.
    await replay.ingest(
      [...aged.filter((event) => event.time >= NOW - 90 * DAY), ...batch].sort((a, b) => a.time - b.time),
    );
    expect(rebuiltProfile).toEqual((await replay.export()).profile);
    expect(await today.rank({ slot: 'grid', items: catalog, recipe, context: { time: NOW } })).toEqual(
      await replay.rank({ slot: 'grid', items: catalog, recipe, context: { time: NOW } }),
    );
    expect((await memory.events()).some((event) => event.time < NOW - 90 * DAY)).toBe(false);
  });

  it('saves no checkpoint from a start that read few events', async () => {
    const idb = faultyIndexedDB();
    await appendInBatches(idb.factory, history.slice(0, CHECKPOINT_AFTER_EVENTS - 1));
    await startAndRank(idb.factory);
    expect((await nextRead(idb.factory)).checkpoint).toBe(false);
  });
});
