import type { InklingEvent } from '../../common/types.js';
import type { EngineOptions } from '../engine.js';
import { createTryLock, type TryLock } from '../locks.js';
import { createModel, type Model } from '../model/model.js';
import type { ModelWeights } from '../model/weights.js';
import type { Profile } from '../state/profile.js';
import { CHECKPOINT_AFTER_EVENTS, restoreCheckpoint, takeCheckpoint } from '../state/checkpoint.js';
import { emptyState, foldEvents } from '../state/visitor-state.js';
import type { EventStore, StoreMark } from '../store/event-store.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createModeStore, type ModeStore } from '../store/mode-store.js';
import { TRIM_TO_SHARE } from '../store/eviction.js';
import { openStore } from '../store/open-store.js';
import { MAX_CAP_ROUNDS } from './event-cap.js';
import { afterwards, type EngineRun } from './run.js';
import { databaseExists, loadHoldoutDraw, restoreWeights, WEIGHTS_KEY } from './saved-values.js';

/** Events folded at a time when the state is rebuilt in the background. */
const REBUILD_SLICE = 5000;
/** The UTC day and retention of the last purge. */
const PRUNED_KEY = 'pruned';
const DAY_MS = 24 * 3600 * 1000;

/** The engine's options the store's lifecycle reads, with the prior already chosen. */
export type LifecycleOptions = Pick<
  EngineOptions,
  'storage' | 'store' | 'databaseName' | 'indexedDB' | 'tryLock' | 'learn'
> & {
  readonly prior: ModelWeights;
};

/** What opening gives the other parts of the engine. */
export interface Opened {
  readonly store: ModeStore;
  /** Replaced when the site's own prior arrives (`configure({ prior })`). */
  model: Model;
  /** This device's stable draw for recipe holdouts. */
  readonly holdoutDraw: number;
  /** Cross-tab locks: one tab at a time trains or purges. */
  readonly tryLock: TryLock;
}

/** The store's lifecycle: open, restore, prune, rebuild and checkpoint. */
export interface StoreLifecycle {
  /** Opens everything on the first call (then prunes in the background); later calls wait for the same. */
  open(): Promise<Opened>;
  /** One tab at a time deletes expired events, in whole days, then rebuilds the state without them. */
  prune(): Promise<void>;
  /** Folds a batch into the state, and into a state being rebuilt meanwhile; returns the new events. */
  fold(
    events: readonly InklingEvent[],
    observe: (event: InklingEvent, profile: Profile, index: number) => void,
  ): InklingEvent[];
  /** Writes a checkpoint still waiting for the first ranking now: it must capture the state as of its mark. */
  flushCheckpoint(): void;
  /** Drops a checkpoint still waiting (the state it would capture is being erased or rebuilt). */
  dropCheckpoint(): void;
  /** Applies the event cap after the work queued so far, if the store or the state passed it. */
  capSoon(): void;
  /** Closes what was opened (even halfway) and forgets it: the next `open()` starts again. */
  discard(): Promise<void>;
}

/**
 * Started by the first call, which is `configure` from the main thread: in `session` mode the
 * database is then never opened, and nothing of an earlier visit is read back.
 */
export function createStoreLifecycle(run: EngineRun, options: LifecycleOptions): StoreLifecycle {
  // While a purge may lead to a rebuild: the batches folded meanwhile (their writes may land after the
  // rebuild's read), folded into the rebuilt state too.
  const arrivals = new Set<(readonly InklingEvent[])[]>();
  let pendingCheckpoint: (() => void) | undefined;
  let store: ModeStore;
  let started: Promise<Opened> | undefined;
  const openPersistent = (): Promise<EventStore> =>
    options.store
      ? Promise.resolve(options.store)
      : options.storage === 'memory'
        ? Promise.resolve(createMemoryStore())
        : openStore({ ...options, now: run.now }, run.warn);
  const tryLock =
    options.tryLock ?? createTryLock({ claim: (name, owner, ttlMs) => store.claimLease(name, owner, ttlMs) });

  const open = () =>
    (started ??= (async () => {
      store = await createModeStore(openPersistent, run.mode, () =>
        databaseExists(options.indexedDB, options.databaseName),
      );
      // The three reads at once: each is a round trip to the database, and the first ranking waits for all.
      const [saved, holdoutDraw] = await Promise.all([
        store.getValue<unknown>(WEIGHTS_KEY).catch(() => undefined),
        loadHoldoutDraw(store, Math.random()),
        restoreHistory().catch((error: unknown) => {
          run.warn(
            `stored history unreadable (${error instanceof Error ? error.message : String(error)}); starting from none`,
          );
          run.state = emptyState();
        }),
      ]);
      const model = createModel({
        prior: options.prior,
        start: restoreWeights(saved, options.prior, run.warn),
        learn: options.learn ?? true,
        warn: run.warn,
      });
      // After the state the first ranking needs: a purge voids the checkpoint, and rebuilding the state
      // from the events that remain reads all of them.
      afterwards(run, 'retention', prune);
      capSoon();
      return { store, model, holdoutDraw, tryLock };
    })());

  /**
   * Past the cap: the store (all tabs' events, as of its last write) or the state (what this engine
   * folded: memory must stay bounded too, even when another tab did the evicting).
   */
  const overCap = () => run.state.folded > run.maxEvents || (store.size() ?? 0) > run.maxEvents;

  function capSoon(): void {
    if (overCap()) afterwards(run, 'event cap', capEvents);
  }

  /**
   * One tab at a time (the prune lock) evicts the least useful events down to a share of the cap, then
   * the state is rebuilt from what remains, so that memory stays bounded too, not only the disk.
   */
  async function capEvents(): Promise<void> {
    // Batches folded during a rebuild come on top of it: a fast writer may need another round at once.
    for (let round = 0; round < MAX_CAP_ROUNDS && overCap(); round++) {
      const arrived: (readonly InklingEvent[])[] = [];
      arrivals.add(arrived);
      try {
        const target = Math.floor(run.maxEvents * TRIM_TO_SHARE);
        const removed = await tryLock('prune', () => store.trim(target));
        // Another tab holds the lock: it is trimming; the next batch checks again.
        if (removed === undefined) return;
        // Nothing went when another tab trimmed first, but this state may still hold what that tab evicted.
        if (removed === 0 && run.state.folded <= run.maxEvents) return;
        await rebuild(arrived);
        // Rebuilt from a valid checkpoint, the state counts what that checkpoint counted: the store knows better.
        if (removed === 0) run.state.folded = Math.min(run.state.folded, store.size() ?? target);
      } finally {
        arrivals.delete(arrived);
      }
    }
  }

  /**
   * Each purge that deletes something voids the checkpoint (see docs/privacy.md), so a cut that moved
   * with every start would void it at every start of a visitor with 90 days of events.
   */
  async function prune(): Promise<void> {
    const day = Math.floor(run.now() / DAY_MS);
    // Once a day and retention is enough: the cut only moves at midnight (UTC).
    const done = `${day}:${run.retentionDays}`;
    const arrived: (readonly InklingEvent[])[] = [];
    arrivals.add(arrived);
    try {
      if ((await store.getValue<string>(PRUNED_KEY).catch(() => undefined)) === done) return;
      const removed = await tryLock('prune', async () => {
        const count = await store.purge(day * DAY_MS - run.retentionDays * DAY_MS);
        await store.putValue(PRUNED_KEY, done);
        return count;
      });
      if (removed) await rebuild(arrived);
    } finally {
      arrivals.delete(arrived);
    }
  }

  /**
   * The state again from the events that remain, swapped in whole once built; rankings meanwhile use
   * the one before (expired events then count a little longer: retention is in whole days anyway).
   */
  async function rebuild(arrived: readonly (readonly InklingEvent[])[]): Promise<void> {
    pendingCheckpoint = undefined;
    const since = await store.eventsSince();
    // A purge or an eviction voids the checkpoint; one still valid covers the stored events it read.
    const restored = since.checkpoint === undefined ? undefined : restoreCheckpoint(since.checkpoint);
    const events = since.checkpoint !== undefined && !restored ? await store.events() : since.events;
    const rebuilt = restored ?? emptyState();
    // In slices, giving way to the page's calls between them.
    for (let start = 0; start < events.length; start += REBUILD_SLICE) {
      foldEvents(rebuilt, events.slice(start, start + REBUILD_SLICE));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (checkpointWorthIt(events.length)) await store.putCheckpoint(takeCheckpoint(rebuilt, run.now()), since.mark);
    // Batches folded since the purge began; those the read already held count once (ids).
    for (const batch of arrived) foldEvents(rebuilt, batch);
    run.state = rebuilt;
  }

  /**
   * Earlier visits already taught the saved weights: their events rebuild the profile, not examples.
   * The state is restored from the last checkpoint and only the events stored after it are folded; a
   * start that folds many saves a new checkpoint.
   */
  async function restoreHistory(): Promise<void> {
    const since = await store.eventsSince();
    // A checkpoint is a cache: one that cannot be read costs a read of every event, never the start.
    const restored = since.checkpoint === undefined ? undefined : guardRestore(since.checkpoint);
    if (restored) run.state = restored;
    // A checkpoint of another SDK version covers events that `since` left out: read them all.
    const events = since.checkpoint !== undefined && !restored ? await store.events() : since.events;
    foldEvents(run.state, events);
    if (checkpointWorthIt(events.length)) checkpointSoon(since.mark);
  }

  /** After a read that folded `folded` stored events: whether the next start should be spared them. */
  const checkpointWorthIt = (folded: number) => run.mode === 'full' && folded >= CHECKPOINT_AFTER_EVENTS;

  // Writing a checkpoint waits until the first ranking has gone out; it must still capture the state
  // exactly as of its mark, so a batch arriving first writes it before folding.
  function checkpointSoon(mark: StoreMark): void {
    const write = () => {
      pendingCheckpoint = undefined;
      const checkpoint = takeCheckpoint(run.state, run.now());
      run.background = run.background.then(() => store.putCheckpoint(checkpoint, mark)).catch(() => undefined);
    };
    pendingCheckpoint = write;
    setTimeout(() => pendingCheckpoint === write && write(), 0);
  }

  return {
    open,
    prune,
    fold(events, observe) {
      const fresh = foldEvents(run.state, events, observe);
      for (const arrived of arrivals) arrived.push(fresh);
      return fresh;
    },
    flushCheckpoint: () => pendingCheckpoint?.(),
    dropCheckpoint: () => void (pendingCheckpoint = undefined),
    capSoon,
    async discard() {
      await store?.close().catch(() => undefined);
      started = undefined;
    },
  };
}

/** Restores a checkpoint; `undefined` (read the events again) when it cannot be read. */
function guardRestore(checkpoint: unknown): ReturnType<typeof restoreCheckpoint> {
  try {
    return restoreCheckpoint(checkpoint);
  } catch {
    return undefined;
  }
}
