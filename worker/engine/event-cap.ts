import { DEFAULT_MAX_EVENTS } from '../store/eviction.js';

/** Trims one background task may run back to back (see `capEvents` in lifecycle.ts). */
export const MAX_CAP_ROUNDS = 3;

/** The event cap asked for, or the default (with a warning) when it is not a positive whole number. */
export function checkMaxEvents(value: unknown, warn: (message: string) => void): number {
  if (value === undefined) return DEFAULT_MAX_EVENTS;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  warn(`maxEvents must be a whole number above 0 (got ${String(value)}); using ${DEFAULT_MAX_EVENTS}`);
  return DEFAULT_MAX_EVENTS;
}
