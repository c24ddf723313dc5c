import type { InklingEvent, Recipe } from '../../common/types.js';
import { createEngine, type Engine, type EngineOptions } from '../../worker/index.js';
import type { Ranker } from './types.js';

/** How to run the engine in the bench: a name for the report and the knobs the ablations turn. */
export interface EngineRankerOptions {
  readonly name: string;
  /** Passed to `createEngine` as is (prior, scorer, maxTrainingSteps). Storage is always in memory. */
  readonly engine?: Omit<EngineOptions, 'storage' | 'store' | 'now'>;
  /** Ablation: the tracker never reports impressions (no ignored-impression signal, no negatives). */
  readonly withoutImpressions?: boolean;
  /** The recipe every list is ranked with; default `MODEL_ONLY`. */
  readonly recipe?: Recipe;
}

/**
 * Measures the model itself: the personal strategy alone, with the exclusion rules the SDK ships
 * (bought within 30 days, dismissed), so that the purchase-suppression check means something.
 */
export const MODEL_ONLY: Recipe = {
  strategies: [{ use: 'personal', weight: 1 }],
  exclude: [{ purchased: { within: '30d' } }, { dismissed: true }],
};

/**
 * The engine as a `Ranker`, through the same headless entry the worker uses (`createEngine`) with an
 * in-memory store. Observed events are batched and ingested just before the next ranking, as the
 * tracker batches a page view's events; the engine's clock follows the replay.
 */
export function engineRanker(options: EngineRankerOptions): Ranker {
  let clock = 0;
  const warned = new Set<string>();
  const make = (): Engine =>
    createEngine({
      ...options.engine,
      storage: 'memory',
      now: () => clock,
      onWarning: (message) => {
        // One engine per visitor would repeat each warning thousands of times.
        if (!warned.has(message)) console.warn(`[${options.name}] ${message}`);
        warned.add(message);
      },
    });
  let engine = make();
  let pending: InklingEvent[] = [];

  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await engine.ingest(batch);
  };

  return {
    name: options.name,
    observe(event) {
      if (options.withoutImpressions && event.type === 'impression') return;
      pending.push(event);
      clock = Math.max(clock, event.time);
    },
    async rank(items, context) {
      await flush();
      clock = Math.max(clock, context.time ?? clock);
      const { slot, visitorId: _visitor, ...rankContext } = context;
      const ranking = await engine.rank({ slot, items, context: rankContext, recipe: options.recipe ?? MODEL_ONLY, explain: false });
      return ranking.items.map((entry) => entry.item.id);
    },
    async reset() {
      pending = [];
      await engine.close();
      clock = 0;
      engine = make();
    },
    async close() {
      await engine.close();
    },
  };
}
