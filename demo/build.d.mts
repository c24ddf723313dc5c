import type { DemoCatalog } from './catalog-types.mjs';

/** Reads the committed demo/catalog.json. */
export declare function loadCatalog(): DemoCatalog;

/**
 * Writes the static demo shop into `outDir` (default demo/dist), emptying it first if it holds a
 * previous build, and returns the site-relative paths written.
 */
export declare function buildDemo(outDir?: string, catalog?: DemoCatalog): string[];
