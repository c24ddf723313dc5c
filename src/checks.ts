import type { PrivacyMode } from '../common/types.js';

const MODES = ['full', 'session', 'off'];
/** The consent states `setConsent()` and the `consent` option accept. */
export const CONSENTS = ['granted', 'denied', 'unknown'];
/** The events `on()` accepts. */
export const EVENT_NAMES = ['ranked', 'mode', 'error', 'forget'];

/**
 * Every option and what it accepts, for `createInkling`, `window.InklingConfig` and the tag's
 * `data-inkling-*` attributes alike: a list of values, or kinds (`typeof` names, or those in `KINDS`).
 * docs/privacy.md lists the same table.
 */
const OPTIONS: Readonly<Record<string, readonly string[] | string>> = {
  mode: MODES,
  gpcMode: MODES,
  deniedMode: MODES,
  consent: CONSENTS,
  requireConsent: 'boolean',
  retentionDays: 'days',
  recipes: 'object',
  onError: 'function',
  signals: 'object',
  workerUrl: 'url',
  createWorker: 'function',
  model: 'url|object',
  neighbours: 'url|object',
  rankBudgetMs: 'number',
  maxEvents: 'number',
  panel: 'string',
  debug: 'boolean',
};
const KINDS: Readonly<Record<string, [test: (value: unknown) => boolean, words: string]>> = {
  days: [(value) => typeof value === 'number' && value >= 1 && value <= 3650, 'days from 1 to 3650'],
  url: [(value) => typeof value === 'string' || value instanceof URL, 'a URL'],
  object: [(value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'an object'],
  array: [Array.isArray, 'an array'],
  name: [(value) => typeof value === 'string' && value !== '', 'a non-empty string'],
};
/** Privacy options fail closed: what an unreadable value counts as (others: the default applies). */
const CLOSED: Readonly<Record<string, unknown>> = { consent: 'denied', requireConsent: true };

/** A value as an error message shows it; never throws (a Symbol, an object without a prototype). */
export function show(value: unknown): string {
  try {
    return typeof value === 'string' ? `"${value}"` : String(value);
  } catch {
    return typeof value;
  }
}

const accepts = (accepted: readonly string[] | string, value: unknown) =>
  typeof accepted !== 'string'
    ? accepted.includes(value as string)
    : accepted.split('|').some((kind) => (KINDS[kind]?.[0] ?? ((v) => typeof v === kind))(value));
const words = (accepted: readonly string[] | string) =>
  typeof accepted !== 'string'
    ? accepted.map(show).join(', ')
    : accepted
        .split('|')
        .map((kind) => KINDS[kind]?.[1] ?? `a ${kind}`)
        .join(' or ');

/** The message for a value outside `accepted`. */
const rejected = (value: unknown, accepted: readonly string[] | string) =>
  `${show(value)} is not accepted (accepted: ${words(accepted)})`;

/** Throws a `TypeError` naming the argument, its value and what is accepted, unless `accepted` takes it. */
export function assertAccepted(value: unknown, accepted: readonly string[] | string, name: string): void {
  if (!accepts(accepted, value)) throw new TypeError(`${name}: ${rejected(value, accepted)}`);
}

/** Options as checked: unreadable values replaced (privacy options fail closed), plus the mode's floor. */
export type Checked<T> = T & { readonly modeFloor?: PrivacyMode };

/**
 * Checks every option against the table; each value that is not accepted is reported once, naming the
 * option and what it accepts. An unreadable `consent` counts as `denied`, `requireConsent` as true, a
 * `mode` as at least `session` (nothing persisted; the signals may ask for `off`); anything else falls
 * back to its default.
 */
export function checkOptions<T extends object>(given: T, report: (error: Error, where: string) => void): Checked<T> {
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    const accepted = OPTIONS[key];
    if (value === undefined) continue;
    if (!accepted) report(new Error(`unknown option (accepted: ${Object.keys(OPTIONS).join(', ')})`), `option ${key}`);
    else if (accepts(accepted, value)) checked[key] = value;
    else {
      const closed = key === 'mode' ? (checked.modeFloor = 'session') : (checked[key] = CLOSED[key]);
      report(
        new Error(
          `${rejected(value, accepted)}; ${closed === undefined ? 'the default applies' : `counts as ${show(closed)}`}`,
        ),
        `option ${key}`,
      );
    }
  }
  return checked as Checked<T>;
}
