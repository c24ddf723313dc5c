/** JSON values in `localStorage` or `sessionStorage` that never throw (blocked storage, quota, bad JSON). */
export interface WebStorage {
  read<T>(key: string, fallback: T): T;
  /** `undefined` removes the key. */
  write(key: string, value: unknown): void;
}

/** One guarded accessor for every small thing the main thread keeps in Web Storage. */
export function webStorage(kind: 'localStorage' | 'sessionStorage'): WebStorage {
  return {
    read(key, fallback) {
      try {
        const raw = globalThis[kind]?.getItem(key);
        return raw == null ? fallback : JSON.parse(raw);
      } catch {
        return fallback;
      }
    },
    write(key, value) {
      try {
        if (value === undefined) globalThis[kind]?.removeItem(key);
        else globalThis[kind]?.setItem(key, JSON.stringify(value));
      } catch {
        // Full or blocked: what was to be kept lives for this page only.
      }
    },
  };
}
