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
