import type { ConsentState, PrivacyMode } from '../common/types.js';
import { storedConsent } from './consent-sync.js';
import type { Checked } from './checks.js';
import { resolveMode, type PrivacyOptions, type PrivacySignals } from './privacy.js';

/** The privacy state machine: the mode follows the site's consent, the visitor's pause and the browser's signals. */
export interface ModeState {
  /** The mode in force now. */
  readonly mode: PrivacyMode;
  setConsent(state: ConsentState): void;
  setPaused(paused: boolean): void;
}

/** Starts in the mode the options, the stored consent and the signals give; `onChange` hears each change. */
export function createModeState(
  options: Checked<PrivacyOptions>,
  signals: PrivacySignals,
  onChange: (mode: PrivacyMode) => void,
): ModeState {
  // A choice made with setConsent() on an earlier page governs this page's first event, unless the page says otherwise.
  let consent: ConsentState =
    options.consent && options.consent !== 'unknown'
      ? options.consent
      : (storedConsent() ?? options.consent ?? 'unknown');
  let paused = false;
  let mode = resolveMode(options, consent, signals);
  const update = () => {
    const next = paused ? 'off' : resolveMode(options, consent, signals);
    if (next === mode) return;
    mode = next;
    onChange(mode);
  };
  return {
    get mode() {
      return mode;
    },
    setConsent(state) {
      consent = state;
      update();
    },
    setPaused(value) {
      paused = value;
      update();
    },
  };
}
