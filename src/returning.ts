import { RETURNING_KEY } from '../common/storage-keys.js';
import { webStorage } from './tracker/web-storage.js';
import type { PrivacyMode } from '../common/types.js';

/**
 * A one-bit hint: this browser has events stored. A returning visitor's slots are concealed until
 * ranked (within the budget); a first visit is never concealed, since its order cannot change. Kept in
 * `localStorage` in `full` mode; in `session` mode in `sessionStorage`, which the tab's journal of
 * events already uses and which ends with the tab (docs/privacy.md).
 */
const STORES = ['localStorage', 'sessionStorage'] as const;

export function isReturning(): boolean {
  return STORES.some((kind) => webStorage(kind).read<number>(RETURNING_KEY, 0) === 1);
}

/** Without storage every visit looks new: slots keep their order until ranked off-screen. `false` clears both. */
export function markReturning(returning: boolean, mode: PrivacyMode = 'full'): void {
  for (const kind of STORES)
    webStorage(kind).write(RETURNING_KEY, returning && (kind === 'localStorage') === (mode === 'full') ? 1 : undefined);
}
