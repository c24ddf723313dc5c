/** A fresh id for each page view (and each SPA route change); never derived from the visitor. */
export function newPageViewId(): string {
  const crypto_ = globalThis.crypto;
  if (crypto_?.randomUUID) return crypto_.randomUUID();
  return Date.now() + Math.random().toString(36);
}
