/**
 * Storage errors come in several shapes: `QuotaExceededError` itself, or (Chrome, and wrappers such as
 * Dexie) an `AbortError` whose inner error or message is the quota. Both mean "evict and retry".
 */
export function isQuotaError(error: unknown): boolean {
  // A primitive destructures to nothing, so only null and undefined need the fallback.
  const { name, message, inner, cause } = (error ?? {}) as {
    name?: string;
    message?: string;
    inner?: unknown;
    cause?: unknown;
  };
  if (name === 'QuotaExceededError') return true;
  if (name !== 'AbortError') return false;
  return isQuotaError(inner) || isQuotaError(cause) || /quota/i.test(message ?? '');
}

/** The connection was closed under us (storage cleared, another tab upgraded, browser shutdown). */
export function isConnectionError(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'InvalidStateError' || name === 'UnknownError' || name === 'TransactionInactiveError';
}

/** One line for a warning. */
export function describe(error: unknown): string {
  const { message, name } = (error ?? {}) as Partial<Error>;
  return String(message || name || error);
}
