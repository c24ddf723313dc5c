// Types of demo/catalog.json, for the TypeScript code (tests) that reads the demo's plain-JS build.

/** A product of the demo shop, as stored in demo/catalog.json. */
export interface DemoProduct {
  /** `sku-1`, `sku-2`, ... */
  readonly id: string;
  readonly kind: 'product';
  /** A category slug from `DemoCatalog.categories`. */
  readonly category: string;
  readonly title: string;
  readonly brand: string;
  readonly tags: readonly string[];
  /** Price in dollars. */
  readonly price: number;
  /** The price before the outlet discount, on outlet items only. */
  readonly was?: number;
  /** 0..100. */
  readonly popularity: number;
  /** Arrival time, ms since epoch. */
  readonly publishedAt: number;
  readonly inStock: boolean;
  /** Repurchase window of consumables, e.g. `"30d"`. */
  readonly repurchase?: string;
  /** `#rrggbb` colour that tints the drawn image. */
  readonly colour: string;
  /** Name of the SVG glyph the image uses. */
  readonly glyph: string;
  /** Exactly one product is the marketer's promoted item, pinned first on the home rail. */
  readonly promoted?: true;
}

/** A news article or guide; its topic is its `category`. */
export interface DemoArticle {
  /** `art-1`, `art-2`, ... */
  readonly id: string;
  readonly kind: 'article';
  readonly title: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly popularity: number;
  readonly publishedAt: number;
  readonly minutes: number;
  readonly colour: string;
  readonly glyph: string;
  /** Product ids the article links to. */
  readonly features: readonly string[];
}

/** The whole of demo/catalog.json. */
export interface DemoCatalog {
  readonly generatedFrom: { readonly seed: number; readonly referenceTime: string };
  readonly categories: readonly { readonly slug: string; readonly name: string; readonly blurb: string }[];
  readonly articleTopics: readonly { readonly slug: string; readonly name: string }[];
  readonly products: readonly DemoProduct[];
  readonly articles: readonly DemoArticle[];
}
