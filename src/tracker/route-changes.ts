/** Fired on `window` when a single-page app moves to a new path or query. */
export const ROUTE_EVENT = 'inkling:routechange';

/** The address part that makes a new page: path and query, not the hash. */
const currentUrl = () => location.pathname + location.search;

/**
 * Calls `listener` on every single-page-app route change: `history.pushState`/`replaceState` to a new
 * path or query, and back/forward (`popstate`). History is wrapped once per page, even when two copies
 * of the SDK run (they share the window event); the site's own calls behave exactly as before.
 */
export function onRouteChange(listener: () => void): void {
  const history_ = history as History & { inklingWrapped?: true };
  if (!history_.inklingWrapped) {
    history_.inklingWrapped = true;
    let lastUrl = currentUrl();
    const check = () => {
      if (currentUrl() === lastUrl) return;
      lastUrl = currentUrl();
      dispatchEvent(new Event(ROUTE_EVENT));
    };
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history_[method];
      history_[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        check();
      };
    }
    addEventListener('popstate', check);
  }
  addEventListener(ROUTE_EVENT, listener);
}
