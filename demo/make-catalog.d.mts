import type { DemoCatalog } from './catalog-types.mjs';

/** Builds the demo catalog deterministically from `seed` (default: the committed catalog's seed). */
export declare function makeCatalog(seed?: number): DemoCatalog;
