import type { Checked } from './checks.js';
import type { ConsentState, PrivacyMode } from '../common/types.js';

/** How the SDK maps the visitor's signals to a mode. Every field has a privacy-first default. */
export interface PrivacyOptions {
  /** Forces a mode, overriding every signal. */
  readonly mode?: PrivacyMode;
  /** The site's consent state at start. Default `unknown` (personalize, do not assume consent was refused). */
  readonly consent?: ConsentState;
  /** Mode when Global Privacy Control or Do Not Track is on. Default `session`. */
  readonly gpcMode?: PrivacyMode;
  /** Mode when consent is `denied`. Default `off`. */
  readonly deniedMode?: PrivacyMode;
  /** Mode when the site requires consent and it is still `unknown`. Default: `full` unless `requireConsent`. */
  readonly requireConsent?: boolean;
}

/** The browser signals that bear on privacy; read from `navigator` unless given (a seam for tests). */
export interface PrivacySignals {
  readonly globalPrivacyControl?: boolean;
  readonly doNotTrack?: string | null;
}

/** Reads GPC and DNT without touching any other navigator property. */
export function readSignals(nav: Navigator | undefined = globalThis.navigator): PrivacySignals {
  if (!nav) return {};
  const withGpc = nav as Navigator & { globalPrivacyControl?: boolean };
  return { globalPrivacyControl: withGpc.globalPrivacyControl === true, doNotTrack: nav.doNotTrack };
}

const STRICTNESS: Readonly<Record<PrivacyMode, number>> = { full: 0, session: 1, off: 2 };

/** The strictest mode that any signal asks for (and no laxer than the floor an unreadable `mode` set). */
export function resolveMode(
  options: Checked<PrivacyOptions>,
  consent: ConsentState,
  signals: PrivacySignals,
): PrivacyMode {
  if (options.mode) return options.mode;
  const wanted: PrivacyMode[] = [options.modeFloor ?? 'full'];
  if (signals.globalPrivacyControl || signals.doNotTrack === '1') wanted.push(options.gpcMode ?? 'session');
  if (consent === 'denied') wanted.push(options.deniedMode ?? 'off');
  if (consent === 'unknown' && options.requireConsent) wanted.push(options.deniedMode ?? 'off');
  return wanted.reduce((strictest, mode) => (STRICTNESS[mode] > STRICTNESS[strictest] ? mode : strictest));
}
