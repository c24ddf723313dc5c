/** Where errors and warnings go: the site's hook, and the console once per distinct message. */
export interface Reporter {
  /** An error the SDK contained; the page keeps its original order. */
  error(error: unknown, where: string): void;
  /** A fallback taken (no worker, no storage, no TF.js); the SDK keeps working. */
  warn(message: string): void;
}

/** Creates a reporter that never throws, even if the site's hook does. */
export function createReporter(
  onError?: (error: Error) => void,
  console_: Pick<Console, 'error' | 'warn'> = console,
): Reporter {
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && seen.add(key) !== undefined;
  return {
    error(error, where) {
      const wrapped = error instanceof Error ? error : new Error(String(error));
      const message = `[inkling] ${where}: ${wrapped.message}`;
      if (!once(message)) return;
      try {
        console_.error(message);
        onError?.(wrapped);
      } catch {
        // The site's hook failing must not become the page's problem.
      }
    },
    warn(message) {
      if (!once(message)) return;
      try {
        console_.warn(`[inkling] ${message}`);
      } catch {
        // Same as above: reporting never breaks the page.
      }
    },
  };
}

/** Runs `task`, sending any error to `reporter` instead of the page. */
export function guard<T>(reporter: Reporter, where: string, task: () => T, fallback: T): T {
  try {
    return task();
  } catch (error) {
    reporter.error(error, where);
    return fallback;
  }
}
