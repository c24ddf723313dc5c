import { RETURNING_KEY } from '../common/storage-keys.js';
import { webStorage } from './tracker/web-storage.js';

/**
 * A one-bit hint, kept in `localStorage` in `full` mode only: this browser has events stored. A returning
 * visitor's slots are concealed until ranked (within the budget); a first visit is never concealed,
 * since its order cannot change.
 */

export function isReturning(): boolean {
  return webStorage('localStorage').read<number>(RETURNING_KEY, 0) === 1;
}

/** Without storage every visit looks new: slots keep their order until ranked off-screen. */
export function markReturning(returning: boolean): void {
  webStorage('localStorage').write(RETURNING_KEY, returning ? 1 : undefined);
}
