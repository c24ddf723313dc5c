/**
 * `full`: persist and learn. `session`: learn in memory for this visit, persist nothing.
 * `off`: track nothing, keep the original order.
 */
export type PrivacyMode = 'full' | 'session' | 'off';

/** The site's consent state for personalization. `unknown` means the site has not said. */
export type ConsentState = 'granted' | 'denied' | 'unknown';
