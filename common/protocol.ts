import type { InklingEvent, Item, PrivacyMode, RankContext, Ranking, Reason, Recipe, SlotOrder } from './types.js';
import type { ModelWeights } from '../worker/model/weights.js';
import type { NeighbourTable } from '../worker/site/neighbour-table.js';
import type { SiteFiles } from '../worker/site/load-site-files.js';

/**
 * The contract between the two rooms, beside the types of `common/types.ts`. The main thread holds a
 * `Remote<Engine>` (comlink) or, when no worker can start, the same object in-thread.
 */
export interface Engine {
  /** Applies options that can change during a visit (mode, recipes). */
  configure(config: EngineConfig): Promise<void>;
  /** Stores a batch of events in one transaction and folds them into the profile. */
  ingest(events: readonly InklingEvent[]): Promise<void>;
  /**
   * Ranks a slot's items. Never throws for bad items: an invalid recipe rejects and the caller keeps the
   * original order. The page holds a {@link PageEngine}, whose rankings carry each item as its id only.
   */
  rank(request: RankRequest): Promise<Ranking>;
  /** Why an item got its place in the last ranking of a slot. */
  explain(slot: string, itemId: string): Promise<readonly Reason[] | undefined>;
  /** Erases every store, the model and in-memory state. */
  forget(): Promise<void>;
  /** Everything held about the visitor, as JSON-safe data. */
  export(): Promise<VisitorExport>;
  /** Flushes pending writes and releases the database. */
  close(): Promise<void>;
  /**
   * Fetches and validates the site's files (`npx inkling train`) and applies them with `configure`;
   * resolves to one message per file that could not be used (ranking goes on without it).
   */
  loadSiteFiles(files: SiteFiles): Promise<readonly string[]>;
}

/** An item as a ranking from the worker carries it: its id only; the page holds the rest. */
export interface WireItem {
  readonly id: string;
}

/**
 * A ranking as it crosses from the worker (`worker/wire-ranking.ts`): each item is its id only, and
 * the page puts its own objects back by `originalIndex` (`src/rank-result.ts` `restoreItems`).
 */
export type WireRanking = Ranking<WireItem>;

/**
 * The engine as the page holds it: the worker's, whose rankings carry ids only, or the in-thread one,
 * whose full items fit the same type.
 */
export interface PageEngine extends Omit<Engine, 'rank'> {
  rank(request: RankRequest): Promise<WireRanking>;
}

/** Options that the main thread sends to the engine. */
export interface EngineConfig {
  readonly mode?: PrivacyMode;
  /** Named recipes; a slot picks one by name. `default` is used when a slot names none. */
  readonly recipes?: Readonly<Record<string, unknown>>;
  /** Retention period for events, in days (default 90); purged in whole UTC days, at most a day late. */
  readonly retentionDays?: number;
  /**
   * The site's own prior (`model.json` from `inkling train`), validated, replacing the current one at
   * run time; the visitor's on-device tuning starts again from it.
   */
  readonly prior?: ModelWeights;
  /** The site's item neighbours (`neighbours.json`), validated; used by the model and the `neighbours` strategy. */
  readonly neighbours?: NeighbourTable;
  /** Events kept per visitor (default 20,000); past it the least useful are evicted first (docs/privacy.md). */
  readonly maxEvents?: number;
}

/** A ranking request. Items carry only their id and attributes; the engine returns them in order (see `Engine.rank`). */
export interface RankRequest {
  readonly slot: string;
  readonly items: readonly Item[];
  /** A recipe name (from `configure`) or an inline recipe. */
  readonly recipe?: string | Recipe;
  readonly context?: RankContext;
  /** `none` when the slot's own order means nothing (see `SlotOrder`); default `site`. */
  readonly order?: SlotOrder;
  /** Word the reasons of every item (default true). Skipping them saves about a third of ranking time; `explain()` still works. */
  readonly explain?: boolean;
}

/**
 * The engine as `createEngine` (`inkling/engine`) returns it: `rank` also takes the page API's shape,
 * `rank(items, { slot })`, beside the request object the worker's wire uses.
 */
export interface LocalEngine extends Engine {
  rank(items: readonly Item[], options: RankRequestOptions): Promise<Ranking>;
  rank(request: RankRequest): Promise<Ranking>;
}

/** `rank(items, options)`'s options: the request without its items, as `inkling.rank(items, { slot })` takes them. */
export type RankRequestOptions = Omit<RankRequest, 'items'>;

/** The result of `export()`. */
export interface VisitorExport {
  readonly exportedAt: number;
  readonly mode: PrivacyMode;
  readonly events: readonly InklingEvent[];
  readonly profile: unknown;
  readonly model: { readonly kind: string; readonly weights: Readonly<Record<string, readonly number[]>> } | null;
}
