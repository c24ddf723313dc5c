/**
 * A recipe mistake, located by its JSON path. The message reads
 * `recipe.strategies[0].weight: expected a number >= 0, found "high"`.
 */
export class RecipeError extends Error {
  /** Where the mistake is, e.g. `recipe.exclude[1].where.price.min`. */
  readonly path: string;
  /** What the validator wanted, in words. */
  readonly expected: string;
  /** What it got, in words (strings quoted, objects summarised). */
  readonly found: string;

  constructor(path: string, expected: string, found: string) {
    super(`${path}: expected ${expected}, found ${found}`);
    this.name = 'RecipeError';
    this.path = path;
    this.expected = expected;
    this.found = found;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_QUOTED = 40;

/** The path of a child: `a.b` for identifier keys, `a["odd key"]` otherwise, `a[3]` for indexes. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Describes a found value in a few words, so that error messages stay one line long. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > MAX_QUOTED ? `${quoted.slice(0, MAX_QUOTED - 1)}…"` : quoted;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
