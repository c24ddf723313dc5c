import type { Page } from 'playwright-core';
import type { InklingEvent, PrivacyMode } from '../../common/types.js';

/** Waits until the script tag has booted and `window.Inkling` is the real API (not the stub queue). */
export async function inklingReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => typeof (window as { Inkling?: { track?: unknown } }).Inkling?.track === 'function',
    undefined,
    { timeout: 10_000 },
  );
}

/** Everything the SDK holds about the visitor, as `export()` returns it. */
export async function exportedEvents(page: Page): Promise<InklingEvent[]> {
  return page.evaluate(async () => {
    const inkling = (window as unknown as { Inkling: { export(): Promise<{ events: InklingEvent[] }> } }).Inkling;
    return (await inkling.export()).events;
  });
}

export async function modeOf(page: Page): Promise<PrivacyMode> {
  return page.evaluate(() => (window as unknown as { Inkling: { mode: PrivacyMode } }).Inkling.mode);
}

/** Calls a method of `window.Inkling` in the page and waits for it. */
export async function call(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    async ([name, params]) => {
      const inkling = (window as unknown as { Inkling: Record<string, (...a: unknown[]) => unknown> }).Inkling;
      return inkling[name as string]!(...(params as unknown[]));
    },
    [method, args] as const,
  );
}

/** Names of the IndexedDB databases the origin has (the SDK's is `inkling`). */
export async function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}
