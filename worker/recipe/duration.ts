import { RecipeError, describeValue } from './errors.js';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
// Digits only: no sign, no exponent, so "-5d" and "1e3s" are mistakes rather than surprises.
const DURATION = /^(\d+(?:\.\d+)?)([smhd])$/;
const EXPECTED = 'a duration like "30d" (a positive number, then s, m, h or d)';

/**
 * Parses `"30d"`, `"12h"`, `"15m"`, `"45s"` or `"1.5h"` to milliseconds.
 * Throws a {@link RecipeError} at `path` for anything else, including zero.
 */
export function parseDuration(text: unknown, path = 'duration'): number {
  const ms = tryParseDuration(text);
  if (ms === undefined) throw new RecipeError(path, EXPECTED, describeValue(text));
  return ms;
}

/**
 * Like {@link parseDuration} but returns `undefined` instead of throwing; used for site-supplied item
 * data (`Item.repurchase`), because a bad item must never break a ranking.
 */
export function tryParseDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 && Number.isFinite(ms) ? ms : undefined;
}
