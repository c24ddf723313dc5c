import type { DemoCatalog } from '../catalog-types.mjs';

/** The React example's routes: a list of gear and a list of articles, each a slot ranked through the API. */
export declare function reactData(catalog: DemoCatalog): {
  routes: Record<string, { title: string; slot: string; items: unknown[] }>;
};

/** Builds the client bundle and the pre-rendered routes into `outDir` (default demo/dist/react). */
export declare function buildReact(outDir?: string, options?: { minify?: boolean }): Promise<string>;
