/**
 * Every `localStorage` and `sessionStorage` key the SDK writes, in one place: `forget()` and a site's
 * own audit need the whole list.
 */

/** `localStorage`: "1" while the visitor paused personalization; the tag reads it before anything else. */
export const PAUSED_KEY = 'inkling:paused';
/** `localStorage`: the visitor's consent choice, shared with other tabs and the next page. */
export const CONSENT_KEY = 'inkling:consent';
/** `localStorage` in `full` mode, `sessionStorage` in `session` mode: this browser has events (a returning visitor). */
export const RETURNING_KEY = 'inkling:returning';
/** `localStorage`, `full` mode only: events parked when the page went away, sent by the next page. */
export const OUTBOX_KEY = 'inkling:outbox';
/** `sessionStorage`, `session` mode: this tab's events, carried from page to page until the tab closes. */
export const SESSION_JOURNAL_KEY = 'inkling:session';
/**
 * `localStorage` in `full` mode, `sessionStorage` in `session` mode, never in `off`: the items the visitor
 * bought or dismissed, hidden on every fallback (`src/suppressed.ts`).
 */
export const SUPPRESSED_KEY = 'inkling:suppressed';
