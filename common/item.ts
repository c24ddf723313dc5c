/** A piece of page content that Inkling can rank: a product, an article, a tile in a rail. */
export interface Item {
  /** Stable id, unique within the site (a SKU, a slug). */
  readonly id: string;
  /** Main category; used for affinities, diversity and filters. */
  readonly category?: string;
  /** Free-form tags (`data-inkling-tags="trail,waterproof"`). */
  readonly tags?: readonly string[];
  readonly brand?: string;
  /** Price in the site's currency; used for price bands. */
  readonly price?: number;
  /** Human title; used for near-duplicate suppression and explanations. */
  readonly title?: string;
  /** A popularity score the site supplies (any non-negative scale); feeds the `trending` strategy. */
  readonly popularity?: number;
  /** Publication or arrival time, ms since epoch; feeds the `recent` strategy. */
  readonly publishedAt?: number;
  /** `false` when the item cannot be bought now; recipes can exclude it. */
  readonly inStock?: boolean;
  /** How soon a bought item may be recommended again, e.g. `"30d"` for consumables. */
  readonly repurchase?: string;
  /** An optional embedding the site computed offline; enables embedding similarity. */
  readonly embedding?: readonly number[];
  /** Any other attribute a recipe may filter or boost on. */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** The item attributes kept with each stored event, so a profile can learn from items no longer on the page. */
export type ItemSnapshot = Pick<Item, 'category' | 'tags' | 'brand' | 'price'>;

/**
 * An item's snapshot, as the page sends it with an event and as the engine restores it for an impression
 * sent by id. The one place the fields are copied: the annotation stops compiling if `ItemSnapshot` gains one.
 */
export function snapshotOf(item: ItemSnapshot): ItemSnapshot {
  const snapshot: { [K in keyof Required<ItemSnapshot>]: ItemSnapshot[K] } = {
    category: item.category,
    tags: item.tags,
    brand: item.brand,
    price: item.price,
  };
  return snapshot;
}
