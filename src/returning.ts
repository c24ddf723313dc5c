/**
 * A one-bit hint, kept in `localStorage` in `full` mode only: this browser has events stored. A returning
 * visitor's slots are concealed until ranked (within the budget); a first visit is never concealed,
 * since its order cannot change.
 */
const RETURNING_KEY = 'inkling:returning';

export function isReturning(): boolean {
  try {
    return globalThis.localStorage?.getItem(RETURNING_KEY) === '1';
  } catch {
    return false;
  }
}

export function markReturning(returning: boolean): void {
  try {
    if (returning) globalThis.localStorage?.setItem(RETURNING_KEY, '1');
    else globalThis.localStorage?.removeItem(RETURNING_KEY);
  } catch {
    // Without storage every visit looks new: slots keep their order until ranked off-screen.
  }
}
