import { RecipeError, childPath, describeValue } from './errors.js';

/** A validated JSON object whose keys were all allowed. */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Keys that must never become properties of an object we build: JSON.parse turns `"__proto__"` into an
 * own property, and copying it by assignment would replace the prototype of the copy.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function quoteList(keys: readonly string[]): string {
  return keys.map((key) => `"${key}"`).join(', ');
}

/** Reads a plain object whose own keys are all in `allowed`; anything else is an error at the key's path. */
export function readObject(value: unknown, path: string, allowed: readonly string[]): JsonObject {
  if (!isPlainObject(value)) throw new RecipeError(path, 'an object', describeValue(value));
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new RecipeError(
        childPath(path, key),
        `one of the keys ${quoteList(allowed)}`,
        `unknown key ${JSON.stringify(key)}`,
      );
    }
  }
  return value;
}

/**
 * Reads a plain object used as a map (pin ids, attribute names). Returns its entries; forbidden keys are
 * errors, so that callers can build the result on a prototype-less object without surprises.
 */
export function readMapEntries(value: unknown, path: string, what: string): [string, unknown][] {
  if (!isPlainObject(value)) throw new RecipeError(path, `an object of ${what}`, describeValue(value));
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    if (key === '' || FORBIDDEN_KEYS.has(key)) {
      throw new RecipeError(
        childPath(path, key),
        `${what} other than "", "__proto__", "constructor" or "prototype"`,
        JSON.stringify(key),
      );
    }
    entries.push([key, value[key]]);
  }
  return entries;
}

/** An own property, never one inherited from a prototype. */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Reads exactly one of `keys` from an object: the tagged-union shape of exclude rules. */
export function readOneOf(object: JsonObject, path: string, keys: readonly string[]): string {
  const present = keys.filter((key) => Object.hasOwn(object, key));
  if (present.length !== 1) {
    const found = present.length === 0 ? 'an object with none of them' : `an object with ${quoteList(present)}`;
    throw new RecipeError(path, `an object with exactly one of the keys ${quoteList(keys)}`, found);
  }
  return present[0] as string;
}

/** A finite number within bounds; `integer` demands a whole number. */
export function readNumber(
  value: unknown,
  path: string,
  bounds: { min?: number; max?: number; minExclusive?: boolean; integer?: boolean },
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!bounds.integer || Number.isInteger(value)) &&
    (bounds.min === undefined || (bounds.minExclusive ? value > bounds.min : value >= bounds.min)) &&
    (bounds.max === undefined || value <= bounds.max);
  if (!ok) throw new RecipeError(path, describeBounds(bounds), describeValue(value));
  return value as number;
}

function describeBounds(bounds: { min?: number; max?: number; minExclusive?: boolean; integer?: boolean }): string {
  const noun = bounds.integer ? 'an integer' : 'a number';
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
  if (min !== undefined) return `${noun} ${bounds.minExclusive ? '>' : '>='} ${min}`;
  if (max !== undefined) return `${noun} <= ${max}`;
  return noun;
}

/** A non-empty string. */
export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '')
    throw new RecipeError(path, 'a non-empty string', describeValue(value));
  return value;
}

/** `true`, the only value a flag-like key accepts. */
export function readTrue(value: unknown, path: string, alternative: string): true {
  if (value !== true) throw new RecipeError(path, `true or ${alternative}`, describeValue(value));
  return true;
}

/** A non-empty string, or a non-empty array of them; returned frozen. */
export function readStringOrList(value: unknown, path: string): string | readonly string[] {
  if (!Array.isArray(value)) {
    if (typeof value !== 'string' || value === '') {
      throw new RecipeError(path, 'a non-empty string or a non-empty array of strings', describeValue(value));
    }
    return value;
  }
  if (value.length === 0) throw new RecipeError(path, 'a non-empty array of strings', 'an empty array');
  return Object.freeze(Array.from(value as unknown[], (entry, index) => readString(entry, childPath(path, index))));
}

/** A plain array; returns its entries. */
export function readArray(value: unknown, path: string, what: string, nonEmpty: boolean): readonly unknown[] {
  if (!Array.isArray(value)) throw new RecipeError(path, `an array of ${what}`, describeValue(value));
  if (nonEmpty && value.length === 0) throw new RecipeError(path, `a non-empty array of ${what}`, 'an empty array');
  // Array.from turns holes into undefined, so that `[, {...}]` is reported rather than skipped by map().
  return Array.from(value as unknown[]);
}
