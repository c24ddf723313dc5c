import type { EngineConfig, LocalEngine, RankRequest, RankRequestOptions } from '../common/protocol.js';
import type { InklingEvent, Item } from '../common/types.js';
import { checkMaxEvents } from './engine/event-cap.js';
import { createStoreLifecycle, type Opened } from './engine/lifecycle.js';
import { exportVisitor } from './engine/export.js';
import { deleteDatabase } from './engine/saved-values.js';
import { SlotRankings } from './engine/ranking.js';
import { afterwards, type EngineRun } from './engine/run.js';
import { TrainingSchedule } from './engine/training.js';
import type { TryLock } from './locks.js';
import { checkWeights, PRIOR_WEIGHTS, type ModelWeights } from './model/weights.js';
import { indexNeighbours } from './site/neighbour-index.js';
import { checkNeighbourTable, type NeighbourTable } from './site/neighbour-table.js';
import { RecipeRegistry } from './recipe-registry.js';
import { loadSiteFiles } from './site/load-site-files.js';
import { modelForPrior } from './site/site-prior.js';
import { withSnapshots } from './state/served-items.js';
import { emptyState } from './state/visitor-state.js';
import type { EventStore } from './store/event-store.js';

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
  /** The site's item neighbours (`neighbours.json`); without them the neighbour features and strategy are idle. */
  readonly neighbours?: NeighbourTable;
  /**
   * Training steps (of 32 examples) allowed per page view, however the tracker splits its batches; per
   * ingested batch for events without a `pageViewId`. Caps the work one page view can cause. Default 4.
   */
  readonly maxTrainingSteps?: number;
  /**
   * Events kept per visitor (default 20,000): past it, the least useful go first (impressions, then
   * clicks, views, carts; purchases and dismissals last; oldest first within a kind). `configure` can change it.
   */
  readonly maxEvents?: number;
  readonly now?: () => number;
  /** Told about every fallback, once each. */
  readonly onWarning?: (message: string) => void;
}

/**
 * The engine behind the worker, the in-thread fallback and the headless Node entry: one code path.
 * Its parts live in `worker/engine/`: the store's lifecycle, the training schedule, ranking and export.
 */
export function createEngine(options: EngineOptions = {}): LocalEngine {
  const warn = options.onWarning ?? (() => undefined);
  const run: EngineRun = {
    now: options.now ?? Date.now,
    warn,
    mode: 'full',
    retentionDays: 90,
    maxEvents: checkMaxEvents(options.maxEvents, warn),
    state: emptyState(),
    background: Promise.resolve(),
  };
  let prior = options.prior ? checkWeights(options.prior) : PRIOR_WEIGHTS;
  const lifecycle = createStoreLifecycle(run, { ...options, prior });
  const training = new TrainingSchedule(options.maxTrainingSteps ?? 4);
  const recipes = new RecipeRegistry();
  const rankings = new SlotRankings(recipes, training);
  if (options.neighbours) rankings.neighbours = indexNeighbours(checkNeighbourTable(options.neighbours));
  // Opened once; a started engine begins a new page view for its examples.
  let opening: Promise<Opened> | undefined;
  const ready = () =>
    (opening ??= lifecycle.open().then((opened) => {
      training.examples.closePageView();
      return opened;
    }));

  const api: LocalEngine = {
    async configure(config: EngineConfig) {
      const retentionChanged = config.retentionDays !== undefined && config.retentionDays !== run.retentionDays;
      if (config.mode) run.mode = config.mode;
      if (config.retentionDays !== undefined) run.retentionDays = config.retentionDays;
      if (config.recipes) recipes.configure(config.recipes);
      if (config.maxEvents !== undefined) run.maxEvents = checkMaxEvents(config.maxEvents, run.warn);
      if (config.neighbours) rankings.neighbours = indexNeighbours(checkNeighbourTable(config.neighbours));
      const opened = await ready();
      await opened.store.setMode(run.mode);
      if (config.prior) {
        // The site's model.json replaces the prior: every later call gets the new model from ready().
        const next = checkWeights(config.prior);
        const model = await modelForPrior(run, opened, prior, next, options.learn ?? true);
        if (model) {
          prior = next;
          opened.model.dispose();
          opening = Promise.resolve({ ...opened, model });
        }
      }
      if (retentionChanged) await lifecycle.prune();
      lifecycle.capSoon();
    },

    async loadSiteFiles(files) {
      const loaded = await loadSiteFiles(files);
      await api.configure(loaded);
      return loaded.errors;
    },

    async ingest(sent: readonly InklingEvent[]) {
      const opened = await ready();
      // The page sends the impressions of ranked items as ids: their snapshots come from the slot's last ranking.
      const events = rankings.choices.annotate(withSnapshots(sent, (slot) => rankings.itemsOf(slot)));
      lifecycle.flushCheckpoint();
      if (run.mode === 'off' || events.length === 0) return;
      // Fold before the first await so that a rank() sent right after this batch already sees it.
      const fresh = lifecycle.fold(events, training.observerFor(events.length));
      // `session` keeps its events in the memory store, so that export() shows them; `full` persists them.
      if (fresh.length > 0) await opened.store.append(fresh);
      lifecycle.capSoon();
      // The batch is stored: the caller (flush) may go on while the model learns from it.
      const pageViewId = events[events.length - 1]!.pageViewId;
      afterwards(run, 'training', () => training.train(run, opened, pageViewId));
    },

    async rank(first: RankRequest | readonly Item[], rankOptions?: RankRequestOptions) {
      // Both shapes: `rank(items, { slot })` as on the page, and the wire's `rank({ slot, items })`.
      const request: RankRequest = Array.isArray(first) ? { ...rankOptions!, items: first } : (first as RankRequest);
      checkRankRequest(request);
      return rankings.rank(run, await ready(), request);
    },

    async explain(slot, itemId) {
      await ready();
      return rankings.explain(run, slot, itemId);
    },

    async forget() {
      lifecycle.dropCheckpoint();
      run.state = emptyState();
      training.examples.clear();
      rankings.clear();
      try {
        const { store, model } = await ready();
        await run.background;
        await store.clear();
        model.reset();
      } catch (error) {
        // Erasure must not depend on reading what is stored: a database the engine cannot use goes whole.
        run.warn(`the database was deleted whole (${error instanceof Error ? error.message : String(error)})`);
        await lifecycle.discard();
        opening = undefined;
        await deleteDatabase(options.indexedDB, options.databaseName);
        run.state = emptyState();
      }
    },

    async export() {
      const opened = await ready();
      await run.background;
      return exportVisitor(run, opened);
    },

    async close() {
      const { store, model } = await ready();
      lifecycle.flushCheckpoint();
      await run.background;
      model.dispose();
      await store.close();
    },
  };
  return api;
}

/** A `TypeError` naming what `rank()` cannot use, before any work. */
function checkRankRequest(request: RankRequest | undefined): void {
  if (typeof request?.slot !== 'string' || !request.slot)
    throw new TypeError('rank: the request needs a slot (a non-empty string)');
  if (!Array.isArray(request.items)) throw new TypeError('rank: items must be an array of items');
}
