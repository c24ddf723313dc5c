import type { InklingEvent, PrivacyMode, Ranking, Reason } from '../src/types.js';
import { featurize } from './features.js';
import { ExampleCollector } from './model/examples.js';
import { loadScorer, type ScorerChoice } from './model/load-scorer.js';
import type { Scorer } from './model/scorer.js';
import { checkWeights, PRIOR_WEIGHTS, type ModelWeights } from './model/weights.js';
import { createProfile, foldEvent, type Profile } from './profile.js';
import type { Engine, EngineConfig, RankRequest, VisitorExport } from './protocol.js';
import { createTryLock, type TryLock } from './locks.js';
import { createPurchaseDeduper } from './purchases.js';
import { orderItems } from './rank-items.js';
import type { EventStore } from './store/event-store.js';
import { createMemoryStore } from './store/memory-store.js';
import { createModeStore, type ModeStore } from './store/mode-store.js';
import { DATABASE_NAME } from './store/schema.js';
import { openStore } from './store/open-store.js';

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
  readonly scorer?: ScorerChoice;
  /** Prior weights; defaults to the ones shipped with the SDK. */
  readonly prior?: ModelWeights;
  /** Training steps allowed per ingested batch: caps the work one page view can cause. */
  readonly maxTrainingSteps?: number;
  readonly now?: () => number;
  /** Told about every fallback, once each. */
  readonly onWarning?: (message: string) => void;
}

const WEIGHTS_KEY = 'model-weights';
const DAY_MS = 24 * 3600 * 1000;
const BATCH_SIZE = 32;

/** The engine behind the worker, the in-thread fallback and the headless Node entry: one code path. */
export function createEngine(options: EngineOptions = {}): Engine {
  const now = options.now ?? Date.now;
  const warn = options.onWarning ?? (() => undefined);
  const prior = options.prior ? checkWeights(options.prior) : PRIOR_WEIGHTS;
  const maxTrainingSteps = options.maxTrainingSteps ?? 4;
  let mode: PrivacyMode = 'full';
  let retentionDays = 90;
  let profile: Profile = createProfile();
  const examples = new ExampleCollector();
  const lastRankings = new Map<string, Ranking>();
  // Ids already folded: a batch resent from another page's outbox must not count twice.
  let seenIds = new Set<string>();
  const purchases = createPurchaseDeduper();
  let store: ModeStore;
  let scorer: Scorer;
  const openPersistent = (): Promise<EventStore> =>
    options.store ? Promise.resolve(options.store) : options.storage === 'memory' ? Promise.resolve(createMemoryStore()) : openStore({ ...options, now }, warn);
  const tryLock = options.tryLock ?? createTryLock({ claim: (name, owner, ttlMs) => store.claimLease(name, owner, ttlMs) });

  // Started by the first call, which is `configure` from the main thread: in `session` mode the
  // database is then never opened, and nothing of an earlier visit is read back.
  let started: Promise<void> | undefined;
  const ready = () =>
    (started ??= (async () => {
      store = await createModeStore(openPersistent, mode, () => databaseExists(options.indexedDB, options.databaseName));
      const saved = await store.getValue<unknown>(WEIGHTS_KEY).catch(() => undefined);
      scorer = await loadScorer(options.scorer ?? 'tfjs', prior, restoreWeights(saved, prior, warn), warn);
      await prune();
      for (const event of await store.events()) learnFrom(event);
      examples.closePageView();
    })());

  /** One tab at a time deletes expired events. */
  async function prune(): Promise<void> {
    await tryLock('prune', () => store.purge(now() - retentionDays * DAY_MS));
  }

  function learnFrom(event: InklingEvent): boolean {
    if (event.id !== undefined) {
      if (seenIds.has(event.id)) return false;
      seenIds.add(event.id);
    }
    if (purchases.isRepeat(event)) return false;
    examples.observe(event, profile);
    foldEvent(profile, event);
    return true;
  }

  function train(): void {
    for (let step = 0; step < maxTrainingSteps && examples.size > 0; step++) scorer.train(examples.take(BATCH_SIZE));
  }

  return {
    async configure(config: EngineConfig) {
      const retentionChanged = config.retentionDays !== undefined && config.retentionDays !== retentionDays;
      if (config.mode) mode = config.mode;
      if (config.retentionDays !== undefined) retentionDays = config.retentionDays;
      await ready();
      await store.setMode(mode);
      if (retentionChanged) await prune();
    },

    async ingest(events) {
      await ready();
      if (mode === 'off' || events.length === 0) return;
      // Fold before the first await so that a rank() sent right after this batch already sees it.
      const fresh = events.filter(learnFrom);
      // `session` keeps its events in the memory store, so that export() shows them; `full` persists them.
      if (fresh.length > 0) await store.append(fresh);
      const trained = await tryLock('train', () => (train(), true));
      if (trained && mode === 'full' && scorer.kind === 'tfjs') await store.putValue(WEIGHTS_KEY, scorer.weights());
    },

    async rank(request: RankRequest) {
      await ready();
      const time = request.context?.time ?? now();
      const rows = featurize(request.items, profile, request.context ?? {}, time);
      const scores = scorer.score(rows, request.items.length);
      const ranking = orderItems(request.items, scores, profile, mode);
      lastRankings.set(request.slot, ranking);
      return ranking;
    },

    async explain(slot, itemId) {
      await ready();
      const ranking = lastRankings.get(slot);
      const found = [...(ranking?.items ?? []), ...(ranking?.removed ?? [])].find((entry) => entry.item.id === itemId);
      return found?.reasons as Reason[] | undefined;
    },

    async forget() {
      await ready();
      await store.clear();
      profile = createProfile();
      seenIds = new Set();
      purchases.clear();
      examples.clear();
      lastRankings.clear();
      scorer.dispose();
      scorer = await loadScorer(options.scorer ?? 'tfjs', prior, prior, warn);
    },

    async export(): Promise<VisitorExport> {
      await ready();
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
        model: { kind: scorer.weights().kind, weights: flatten(scorer.weights()) },
      };
    },

    async close() {
      await ready();
      scorer.dispose();
      await store.close();
    },
  };
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
    return weights.kind === prior.kind && weights.layers.length === prior.layers.length ? weights : prior;
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

