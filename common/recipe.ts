/** A base ranker that a recipe can blend. */
export type StrategyName = 'personal' | 'trending' | 'recent' | 'similar' | 'original';

/** A duration such as `"30d"`, `"12h"`, `"15m"` or `"45s"` (a positive number, then one unit letter). */
export type Duration = `${number}${'s' | 'm' | 'h' | 'd'}`;

/** A value of `Item.attributes`. */
export type AttributeValue = string | number | boolean;

/**
 * Matches items by attribute. Every key present must match (AND); an array matches any of its values (OR).
 * Keys other than these are validation errors, so that a typo never silently matches nothing.
 */
export interface ItemFilter {
  readonly id?: string | readonly string[];
  readonly category?: string | readonly string[];
  readonly brand?: string | readonly string[];
  /** Matches when the item carries at least one of these tags. */
  readonly tags?: string | readonly string[];
  /** An item without `inStock` counts as in stock. */
  readonly inStock?: boolean;
  /** Inclusive bounds; an item without a price never matches a price filter. */
  readonly price?: { readonly min?: number; readonly max?: number };
  /** Matches `Item.attributes[name]` against a value or any value of a list. */
  readonly attributes?: Readonly<Record<string, AttributeValue | readonly AttributeValue[]>>;
}

/** One strategy of the blend; weights are relative (they are divided by their sum). */
export interface StrategyWeight {
  readonly use: StrategyName;
  readonly weight: number;
}

/**
 * Rule 1. `purchased`: items bought within the window (`true`: ever), unless the item's own
 * `repurchase` window has passed. `dismissed`: items the visitor dismissed (`true`: ever).
 * `where`: items matching a filter.
 */
export type ExcludeRule =
  | { readonly purchased: { readonly within: Duration } | true }
  | { readonly dismissed: { readonly within: Duration } | true }
  | { readonly where: ItemFilter };

/** Rule 2. An item shown this many times (page views with a viewable impression) since its last click, within the window. */
export interface CapRule {
  readonly impressionsWithoutClick: number;
  readonly within: Duration;
  /** `drop` removes the item, `sink` moves it below every uncapped item. Default `sink`. */
  readonly mode?: 'drop' | 'sink';
}

/** Rule 2b. Penalises items shown recently, like Recombee's `rotationRate` and `rotationTime`. */
export interface RotationRule {
  /** 0 (off) to 1 (an item shown just now scores 0). */
  readonly rate: number;
  /** How long a shown item takes to recover fully (linearly). Default `"1d"`. */
  readonly within?: Duration;
}

/** Rule 3. Multiplies the score of matching items: `by > 1` boosts, `0 < by < 1` buries. */
export interface BoostRule {
  readonly where: ItemFilter;
  readonly by: number;
}

/** The field diversity counts: `category`, `brand` or `attributes.<name>`. */
export type DiversityField = 'category' | 'brand' | `attributes.${string}`;

/** Rule 4. Spreads the top of the list. At least one of `maxPerTop` and `nearDuplicates` is required. */
export interface DiversityRule {
  /** Default `category`. */
  readonly field?: DiversityField;
  /** At most `max` items sharing one value of `field` among the first `k`. */
  readonly maxPerTop?: { readonly k: number; readonly max: number };
  /**
   * Two items whose titles (token Jaccard) or embeddings (cosine) are at least `threshold` similar never sit
   * side by side among the first `k`.
   */
  readonly nearDuplicates?: { readonly k: number; readonly threshold: number };
}

/**
 * What a marketer owns: which strategies to blend and which rules protect the visitor.
 * Plain JSON; validated with errors that name the JSON path. Rules run in a fixed order:
 * exclude, cap and rotation, boost, diversity, pin; then the holdout draw picks the group.
 */
export interface Recipe {
  readonly strategies: readonly StrategyWeight[];
  readonly exclude?: readonly ExcludeRule[];
  readonly cap?: CapRule;
  readonly rotation?: RotationRule;
  readonly boost?: readonly BoostRule[];
  readonly diversity?: DiversityRule;
  /** Item id to 0-based position. */
  readonly pin?: Readonly<Record<string, number>>;
  /** Fraction of visitors (0..1) who keep the original order, for lift measurement. */
  readonly holdout?: number;
}
