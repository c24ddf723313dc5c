/** Device class, from the viewport width and input type; never from a fingerprinting surface. */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/** Where and when a ranking happens. Every field is optional; the SDK fills what it can observe. */
export interface RankContext {
  /** ms since epoch; defaults to now. */
  readonly time?: number;
  readonly device?: DeviceClass;
  /** The site's own page type, e.g. `home`, `category`, `product`, `article`. */
  readonly pageType?: string;
}

/**
 * What a slot's own order means. `site` (default): the site put its best first, and the ranking treats
 * that order as evidence, moving away from it only on evidence about this visitor. `none`: the order
 * is arbitrary (random, alphabetical, by id): position then counts for nothing and popularity takes
 * its place as the order a visitor without history sees.
 */
export type SlotOrder = 'site' | 'none';
