import { CONSENT_KEY } from '../common/storage-keys.js';
import { webStorage } from './tracker/web-storage.js';
import type { ConsentState } from '../common/types.js';

/** What one tab tells the others: a consent change, or "the visitor asked to be forgotten". */
export type TabMessage = { readonly consent: ConsentState } | { readonly forget: true };

/** The BroadcastChannel the tabs of a site share (the visitor panel listens to it for erasures). */
export const TAB_CHANNEL = 'inkling';

/**
 * Keeps privacy decisions consistent across the site's open tabs (BroadcastChannel) and across page
 * loads (the consent choice in localStorage, so that the first event of the next page is already
 * governed by it). Storing the choice itself is what honouring it requires; it identifies nobody.
 */
export function createTabSync(
  onMessage: (message: TabMessage) => void,
  name = TAB_CHANNEL,
): { post(message: TabMessage): void } {
  let channel: BroadcastChannel | undefined;
  try {
    channel = new BroadcastChannel(name);
    channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
  } catch {
    // No BroadcastChannel (very old browsers): other tabs pick the change up on their next page load.
  }
  // Lives as long as the page: the SDK has no teardown that should stop hearing forget().
  return { post: (message) => channel?.postMessage(message) };
}

const local = webStorage('localStorage');

/** The consent a previous page recorded, if any. */
export function storedConsent(): ConsentState | undefined {
  const value = local.read<unknown>(CONSENT_KEY, undefined);
  return value === 'granted' || value === 'denied' ? value : undefined;
}

/** Records the consent for later page loads; `unknown` removes the record. */
export function storeConsent(state: ConsentState): void {
  local.write(CONSENT_KEY, state === 'unknown' ? undefined : state);
}
