/** The shared datasets directory (`INKLING_DATASETS`, else `../shared/datasets` beside the repository), if present. */
export function datasetsDir(env?: Readonly<Record<string, string | undefined>>): string | undefined;
/** The same, or an error naming the override. */
export function requireDatasetsDir(): string;
