/** A base ranker that a recipe can blend. */
export type StrategyName = 'personal' | 'trending' | 'recent' | 'similar' | 'original';

/** A duration such as `"30d"`, `"12h"`, `"15m"` or `"45s"`. */
export type Duration = `${number}${'s' | 'm' | 'h' | 'd'}`;

/** Matches items by attribute: every key must match (an array matches any of its values). */
export interface ItemFilter {
  readonly id?: string | readonly string[];
  readonly category?: string | readonly string[];
  readonly brand?: string | readonly string[];
  readonly tags?: string | readonly string[];
  readonly inStock?: boolean;
  readonly price?: { readonly min?: number; readonly max?: number };
  /** Any other attribute from `Item.attributes`. */
  readonly [attribute: string]: unknown;
}

/**
 * What a marketer owns: which strategies to blend and which rules protect the visitor.
 * Plain JSON; validated with errors that name the JSON path.
 */
export interface Recipe {
  readonly strategies: readonly { readonly use: StrategyName; readonly weight: number }[];
  readonly exclude?: readonly (
    | { readonly purchased: { readonly within: Duration } | true }
    | { readonly dismissed: true }
    | { readonly where: ItemFilter }
  )[];
  readonly cap?: {
    readonly impressionsWithoutClick: number;
    readonly within: Duration;
    /** `drop` removes the item, `sink` moves it to the end. Default `sink`. */
    readonly mode?: 'drop' | 'sink';
  };
  /** Penalises items shown recently, between 0 (off) and 1 (strong), like Recombee's `rotationRate`. */
  readonly rotation?: { readonly rate: number; readonly within?: Duration };
  readonly boost?: readonly { readonly where: ItemFilter; readonly by: number }[];
  readonly diversity?: {
    readonly field: string;
    readonly maxPerTop?: { readonly k: number; readonly max: number };
    /** Items whose titles (or embeddings) are at least this similar never sit side by side in the top k. */
    readonly nearDuplicates?: { readonly k: number; readonly threshold: number };
  };
  /** Item id to 0-based position. */
  readonly pin?: Readonly<Record<string, number>>;
  /** Fraction of visitors (0..1) who keep the original order, for lift measurement. */
  readonly holdout?: number;
}
