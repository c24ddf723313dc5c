import { onRouteChange } from './route-changes.js';

/** A fresh id for each page view (and each SPA route change); never derived from the visitor. */
export function newPageViewId(): string {
  const crypto_ = globalThis.crypto;
  if (crypto_?.randomUUID) return crypto_.randomUUID();
  return Date.now() + Math.random().toString(36);
}

/** The page view events belong to, and each event's id within it. */
export interface PageViews {
  /** The current page view's id. */
  readonly id: string;
  /** A new event id: the page view's id and a counter. */
  nextId(): string;
}

/** Page views of this document: a single-page app's route change starts a new one (impressions count again). */
export function trackPageViews(): PageViews {
  let id = newPageViewId();
  let count = 0;
  if (typeof history !== 'undefined') onRouteChange(() => (id = newPageViewId()));
  return {
    get id() {
      return id;
    },
    nextId: () => `${id}:${(count++).toString(36)}`,
  };
}
