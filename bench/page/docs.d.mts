/** Types for `docs.mjs` (plain JS, run by Node without a build), for the tests. */
export declare function writeSection(path: string, name: string, text: string): void;
export declare function replaceSection(page: string, start: string, end: string, text: string): string;
