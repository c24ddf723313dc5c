/** Types for `pages.mjs` (plain JS, run by Node without a build), for the tests. */
export declare const itemIds: (count: number) => string[];
export declare function pageHtml(options: { items: number; head: string }): string;
export declare function inklingTag(options: { rankBudgetMs: number; keepOrder: boolean }): string;
export declare function byHandScript(options: {
  original: readonly string[];
  order: readonly string[];
  delayMs: number;
}): string;
export declare function byHandTrackedScript(options: {
  original: readonly string[];
  order: readonly string[];
  delayMs: number;
}): string;
export declare const BY_HAND_WORKER: string;
export declare function fewestMoves(
  original: readonly string[],
  order: readonly string[],
): [id: string, before: string | null][];
