/** Builds packages/cli/dist/cli.mjs; resolves to its path. */
export function build(): Promise<string>;
