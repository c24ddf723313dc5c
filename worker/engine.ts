import type { InklingEvent, Item, PrivacyMode, Ranking, Reason } from '../common/types.js';
import { featurize } from './features.js';
import { ExampleCollector } from './model/examples.js';
import { createModel, type Model } from './model/model.js';
import { checkWeights, PRIOR_WEIGHTS, type ModelWeights } from './model/weights.js';
import { CHECKPOINT_AFTER_EVENTS, restoreCheckpoint, takeCheckpoint } from './state/checkpoint.js';
import type { EngineConfig, LocalEngine, RankRequest, RankRequestOptions, VisitorExport } from '../common/protocol.js';
import { personalReasons, engagedPerCategory } from './personal-reasons.js';
import { applyRecipe, type ApplyInput, type Candidate } from './recipe/index.js';
import { RecipeRegistry } from './recipe-registry.js';
import { createTryLock, type TryLock } from './locks.js';
import type { EventStore, StoreMark } from './store/event-store.js';
import { createMemoryStore } from './store/memory-store.js';
import { createModeStore, type ModeStore } from './store/mode-store.js';
import { DATABASE_NAME } from './store/schema.js';
import { openStore } from './store/open-store.js';
import { withSnapshots } from './state/served-items.js';
import { emptyState, foldEvents } from './state/visitor-state.js';

/** Options for `createEngine`. Seams (store, clock) are injectable for tests and offline evaluation. */
export interface EngineOptions {
  /** `auto` opens IndexedDB and falls back to memory; `memory` never touches IndexedDB. Default `auto`. */
  readonly storage?: 'auto' | 'memory';
  /** A ready store, overriding `storage`. */
  readonly store?: EventStore;
  readonly databaseName?: string;
  /** Seam for tests: a fault-injecting `IDBFactory`. */
  readonly indexedDB?: IDBFactory;
  /** Seam for tests: cross-tab locks (defaults to Web Locks, with an IndexedDB lease where they are missing). */
  readonly tryLock?: TryLock;
  /** `false` keeps the prior fixed: no on-device learning and no TF.js. Default `true`. */
  readonly learn?: boolean;
  /** Prior weights; defaults to the ones shipped with the SDK. */
  readonly prior?: ModelWeights;
  /**
   * Training steps (of 32 examples) allowed per page view, however the tracker splits its batches; per
   * ingested batch for events without a `pageViewId`. Caps the work one page view can cause. Default 4.
   */
  readonly maxTrainingSteps?: number;
  readonly now?: () => number;
  /** Told about every fallback, once each. */
  readonly onWarning?: (message: string) => void;
}

const WEIGHTS_KEY = 'model-weights';
const HOLDOUT_KEY = 'holdout-draw';
/** Events folded at a time when the state is rebuilt in the background. */
const REBUILD_SLICE = 5000;
/** The UTC day and retention of the last purge. */
const PRUNED_KEY = 'pruned';
const DAY_MS = 24 * 3600 * 1000;
const BATCH_SIZE = 32;
/** Batches of examples kept waiting for the next page view's training; older ones are dropped. */
const BACKLOG_LIMIT = 8;
/** The examples a backlog holds: a burst's older events would be dropped before training, so they never become examples. */
const BACKLOG_EXAMPLES = BACKLOG_LIMIT * BATCH_SIZE;

/** The engine behind the worker, the in-thread fallback and the headless Node entry: one code path. */
export function createEngine(options: EngineOptions = {}): LocalEngine {
  const now = options.now ?? Date.now;
  const warn = options.onWarning ?? (() => undefined);
  const prior = options.prior ? checkWeights(options.prior) : PRIOR_WEIGHTS;
  const maxTrainingSteps = options.maxTrainingSteps ?? 4;
  let mode: PrivacyMode = 'full';
  let retentionDays = 90;
  // The profile, the rules' history and the dedupers: what the stored events say, kept up to date.
  let state = emptyState();
  // While a purge may lead to a rebuild: the batches folded meanwhile (their writes may land after the
  // rebuild's read), folded into the rebuilt state too.
  const arrivals = new Set<(readonly InklingEvent[])[]>();
  const examples = new ExampleCollector();
  // Steps already spent in the page view that sent the latest batch; examples beyond the cap wait for the next one.
  let pageViewSteps: { readonly id: string | undefined; spent: number } = { id: undefined, spent: 0 };
  // Per slot, the last ranking, its input and scores: explain() words reasons when rank() skipped them.
  const lastRankings = new Map<string, { ranking: Ranking; input: ApplyInput; items: readonly Item[]; scores: Float32Array }>();
  const recipes = new RecipeRegistry();
  // This device's stable draw for recipe holdouts; persisted in `full` mode so the group never flips.
  let holdoutDraw = Math.random();
  let store: ModeStore;
  let model: Model;
  const openPersistent = (): Promise<EventStore> =>
    options.store ? Promise.resolve(options.store) : options.storage === 'memory' ? Promise.resolve(createMemoryStore()) : openStore({ ...options, now }, warn);
  const tryLock = options.tryLock ?? createTryLock({ claim: (name, owner, ttlMs) => store.claimLease(name, owner, ttlMs) });

  // Work after a call has answered: training runs one at a time after the batches before them, and the
  // checkpoint write; forget/export/close wait for it.
  let background: Promise<void> = Promise.resolve();

  // Started by the first call, which is `configure` from the main thread: in `session` mode the
  // database is then never opened, and nothing of an earlier visit is read back.
  let started: Promise<void> | undefined;
  const ready = () =>
    (started ??= (async () => {
      store = await createModeStore(openPersistent, mode, () => databaseExists(options.indexedDB, options.databaseName));
      const saved = await store.getValue<unknown>(WEIGHTS_KEY).catch(() => undefined);
      model = createModel({ prior, start: restoreWeights(saved, prior, warn), learn: options.learn ?? true, warn });
      holdoutDraw = await loadHoldoutDraw(store, holdoutDraw);
      await restoreHistory().catch((error: unknown) => {
        warn(`stored history unreadable (${error instanceof Error ? error.message : String(error)}); starting from none`);
        state = emptyState();
      });
      examples.closePageView();
      // After the state the first ranking needs: a purge voids the checkpoint, and rebuilding the state
      // from the events that remain reads all of them (~370 ms for 35,000 in Chromium).
      background = background.then(prune).catch((error: unknown) => warn(`retention skipped (${error instanceof Error ? error.message : String(error)})`));
    })());

  /**
   * One tab at a time deletes expired events, in whole days (see docs/privacy.md), then rebuilds the
   * state without them. Each purge that deletes something voids the checkpoint, so a cut that moved
   * with every start would void it at every start of a visitor with 90 days of events.
   */
  async function prune(): Promise<void> {
    const day = Math.floor(now() / DAY_MS);
    // Once a day and retention is enough: the cut only moves at midnight (UTC). Saves its three
    // transactions, ~6-10 ms, on every other start.
    const done = `${day}:${retentionDays}`;
    const arrived: (readonly InklingEvent[])[] = [];
    arrivals.add(arrived);
    try {
      if ((await store.getValue<string>(PRUNED_KEY).catch(() => undefined)) === done) return;
      const removed = await tryLock('prune', async () => {
        const count = await store.purge(day * DAY_MS - retentionDays * DAY_MS);
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
    const rebuilt = emptyState();
    // In slices, giving way to the page's calls between them: 35,000 events take ~100 ms to fold.
    for (let start = 0; start < since.events.length; start += REBUILD_SLICE) {
      foldEvents(rebuilt, since.events.slice(start, start + REBUILD_SLICE));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (checkpointWorthIt(since.events.length)) await store.putCheckpoint(takeCheckpoint(rebuilt, now()), since.mark);
    // Batches folded since the purge began; those the read already held count once (ids).
    for (const batch of arrived) foldEvents(rebuilt, batch);
    state = rebuilt;
  }

  /**
   * Earlier visits already taught the saved weights: their events rebuild the profile, not examples.
   * Reading them costs ~4 µs each in Chromium, so the state is restored from the last checkpoint and only
   * the events stored after it are folded; a start that folds many saves a new checkpoint.
   */
  async function restoreHistory(): Promise<void> {
    const since = await store.eventsSince();
    // A checkpoint is a cache: one that cannot be read costs a read of every event, never the start.
    const restored = since.checkpoint === undefined ? undefined : guardRestore(() => restoreCheckpoint(since.checkpoint));
    if (restored) state = restored;
    // A checkpoint of another SDK version covers events that `since` left out: read them all.
    const events = since.checkpoint !== undefined && !restored ? await store.events() : since.events;
    foldEvents(state, events);
    if (checkpointWorthIt(events.length)) checkpointSoon(since.mark);
  }

  /** After a read that folded `folded` stored events: whether the next start should be spared them. */
  const checkpointWorthIt = (folded: number) => mode === 'full' && folded >= CHECKPOINT_AFTER_EVENTS;

  // Writing a checkpoint (~50 ms for 35,000 events' state) waits until the first ranking has gone out;
  // it must still capture the state exactly as of its mark, so a batch arriving first writes it before folding.
  let pendingCheckpoint: (() => void) | undefined;
  function checkpointSoon(mark: StoreMark): void {
    const write = () => {
      pendingCheckpoint = undefined;
      const checkpoint = takeCheckpoint(state, now());
      background = background.then(() => store.putCheckpoint(checkpoint, mark)).catch(() => undefined);
    };
    pendingCheckpoint = write;
    setTimeout(() => pendingCheckpoint === write && write(), 0);
  }

  /** The recipe's candidates; with `explain`, each carries the words of its personal reasons. */
  function candidatesFor(items: readonly Item[], scores: Float32Array, explain: boolean): Candidate[] {
    if (!explain) return items.map((item, index) => ({ item, originalIndex: index, personal: scores[index]! }));
    const { profile } = state;
    const perCategory = engagedPerCategory(profile);
    return items.map((item, index) => ({ item, originalIndex: index, personal: scores[index]!, personalReasons: personalReasons(item, profile, perCategory) }));
  }

  /**
   * Trains on what the batch taught, within the page view's cap, in one tab at a time (another tab's
   * lock means its engine is training on the same database); persists the new weights in `full` mode.
   */
  async function train(pageViewId: string | undefined): Promise<void> {
    examples.keepNewest(BACKLOG_EXAMPLES);
    if (examples.size === 0) return;
    if (pageViewId === undefined || pageViewId !== pageViewSteps.id) pageViewSteps = { id: pageViewId, spent: 0 };
    const budget = pageViewSteps;
    const allowed = maxTrainingSteps - budget.spent;
    if (allowed <= 0) return;
    const next = () => {
      if (examples.size === 0) return undefined;
      budget.spent += 1;
      return examples.take(BATCH_SIZE);
    };
    const learned = await tryLock('train', () => model.train(next, allowed));
    if (learned && mode === 'full') await store.putValue(WEIGHTS_KEY, model.weights());
  }

  return {
    async configure(config: EngineConfig) {
      const retentionChanged = config.retentionDays !== undefined && config.retentionDays !== retentionDays;
      if (config.mode) mode = config.mode;
      if (config.retentionDays !== undefined) retentionDays = config.retentionDays;
      if (config.recipes) recipes.configure(config.recipes);
      await ready();
      await store.setMode(mode);
      if (retentionChanged) await prune();
    },

    async ingest(sent) {
      await ready();
      // The page sends the impressions of ranked items as ids: their snapshots come from the slot's last ranking.
      const events = withSnapshots(sent, (slot) => lastRankings.get(slot)?.items);
      pendingCheckpoint?.();
      if (mode === 'off' || events.length === 0) return;
      // Fold before the first await so that a rank() sent right after this batch already sees it.
      const teachFrom = events.length - BACKLOG_EXAMPLES;
      const fresh = foldEvents(state, events, (event, profile, index) => index >= teachFrom && examples.observe(event, profile));
      for (const arrived of arrivals) arrived.push(fresh);
      // `session` keeps its events in the memory store, so that export() shows them; `full` persists them.
      if (fresh.length > 0) await store.append(fresh);
      // The batch is stored: the caller (flush) may go on while the model learns from it.
      const pageViewId = events[events.length - 1]!.pageViewId;
      background = background.then(() => train(pageViewId)).catch((error: unknown) => warn(`training skipped (${error instanceof Error ? error.message : String(error)})`));
    },

    async rank(first: RankRequest | readonly Item[], options?: RankRequestOptions) {
      // Both shapes: `rank(items, { slot })` as on the page, and the wire's `rank({ slot, items })`.
      const request: RankRequest = Array.isArray(first) ? { ...options!, items: first } : (first as RankRequest);
      checkRankRequest(request);
      await ready();
      const recipe = recipes.resolve(request.recipe);
      const time = request.context?.time ?? now();
      const rows = featurize(request.items, state.profile, request.context ?? {}, time);
      const scores = model.score(rows, request.items.length);
      examples.rememberServed(request.slot, request.items.map((item) => item.id), rows);
      const explain = request.explain ?? true;
      const input: ApplyInput = { candidates: candidatesFor(request.items, scores, explain), recipe, history: state.history.at(time), now: time, holdoutDraw, explain };
      const ranking = applyRecipe(input);
      lastRankings.set(request.slot, { ranking, input, items: request.items, scores });
      return ranking;
    },

    async explain(slot, itemId) {
      await ready();
      const last = lastRankings.get(slot);
      if (!last) return undefined;
      if (!last.input.explain) {
        // Same input, same order: only the words are added (applyRecipe is pure).
        last.input = { ...last.input, candidates: candidatesFor(last.items, last.scores, true), explain: true };
        last.ranking = applyRecipe(last.input);
      }
      const found = [...last.ranking.items, ...last.ranking.removed].find((entry) => entry.item.id === itemId);
      return found?.reasons as Reason[] | undefined;
    },

    async forget() {
      pendingCheckpoint = undefined;
      state = emptyState();
      examples.clear();
      lastRankings.clear();
      try {
        await ready();
        await background;
        await store.clear();
        model.reset();
      } catch (error) {
        // Erasure must not depend on reading what is stored: a database the engine cannot use goes whole.
        warn(`the database was deleted whole (${error instanceof Error ? error.message : String(error)})`);
        await store?.close().catch(() => undefined);
        await deleteDatabase(options.indexedDB, options.databaseName);
        started = undefined;
        state = emptyState();
      }
    },

    async export(): Promise<VisitorExport> {
      await ready();
      await background;
      const { profile } = state;
      return {
        exportedAt: now(),
        mode,
        events: await store.everything(),
        profile: {
          categories: Object.fromEntries(profile.categories),
          tags: Object.fromEntries(profile.tags),
          brands: Object.fromEntries(profile.brands),
          items: Object.fromEntries(profile.items),
        },
        model: { kind: model.weights().kind, weights: flatten(model.weights()) },
      };
    },

    async close() {
      await ready();
      pendingCheckpoint?.();
      await background;
      model.dispose();
      await store.close();
    },
  };
}

async function loadHoldoutDraw(store: EventStore, fresh: number): Promise<number> {
  const saved = await store.getValue<number>(HOLDOUT_KEY).catch(() => undefined);
  if (typeof saved === 'number' && saved >= 0 && saved < 1) return saved;
  await store.putValue(HOLDOUT_KEY, fresh).catch(() => undefined);
  return fresh;
}

/** A `TypeError` naming what `rank()` cannot use, before any work. */
function checkRankRequest(request: RankRequest | undefined): void {
  if (typeof request?.slot !== 'string' || !request.slot) throw new TypeError('rank: the request needs a slot (a non-empty string)');
  if (!Array.isArray(request.items)) throw new TypeError('rank: items must be an array of items');
}

/** Restores a checkpoint; `undefined` (read the events again) when it cannot be read. */
function guardRestore(restore: () => ReturnType<typeof restoreCheckpoint>): ReturnType<typeof restoreCheckpoint> {
  try {
    return restore();
  } catch {
    return undefined;
  }
}

/**
 * Deletes the database (the last resort of `forget()`). Another tab's open connection blocks it until
 * that tab closes it (each closes on `versionchange`); the deletion then completes on its own.
 */
function deleteDatabase(factory: IDBFactory | undefined = globalThis.indexedDB, name = DATABASE_NAME): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!factory) return resolve();
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('the database could not be deleted'));
    request.onblocked = () => setTimeout(resolve, 1000);
  });
}

/** Whether the database exists, without creating it; true where the browser cannot say. */
async function databaseExists(factory: IDBFactory | undefined = globalThis.indexedDB, name = DATABASE_NAME): Promise<boolean> {
  if (!factory?.databases) return factory !== undefined;
  return (await factory.databases().catch(() => [{ name }])).some((database) => database.name === name);
}

function restoreWeights(saved: unknown, prior: ModelWeights, warn: (message: string) => void): ModelWeights {
  if (saved === undefined) return prior;
  try {
    const weights = checkWeights(saved);
    // Weights learned on another shape (the logistic prior of earlier versions, another hidden size)
    // cannot be fine-tuned against this prior: start again from it.
    const sameShape = weights.kind === prior.kind && weights.layers.length === prior.layers.length
      && weights.layers.every((layer, i) => layer.outputs === prior.layers[i]!.outputs);
    if (!sameShape) throw new Error(`it is a ${weights.kind} of another shape than the ${prior.kind} prior`);
    return weights;
  } catch (error) {
    warn(`saved model ignored (${error instanceof Error ? error.message : String(error)}); starting from the prior`);
    return prior;
  }
}

function flatten(weights: ModelWeights): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  weights.layers.forEach((layer, i) => {
    out[`layer${i}.kernel`] = [...layer.weights];
    out[`layer${i}.bias`] = [...layer.bias];
  });
  return out;
}

