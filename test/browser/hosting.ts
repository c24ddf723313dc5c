import type { Browser } from 'playwright-core';
import { openPage, pageHealth, recordPageHealth, settledState, slotOrder } from './browser.js';
import { teachTents } from './fixtures.js';

/** What one page view under a hosting setup showed. */
export interface Outcome {
  readonly state: string | null;
  readonly order: (string | null)[];
  /** URLs of the workers the page started (none when the engine ran in-thread). */
  readonly workers: string[];
  readonly warnings: string[];
  readonly violations: string[];
  /** Uncaught errors, unhandled rejections and Inkling's own error lines. */
  readonly errors: string[];
  /** Text of the visitor panel (in `#panel`'s shadow root) and the number of debug badges, when the page has them. */
  readonly panel?: string;
  readonly badges?: number;
}

/**
 * Visits `url` twice in a fresh context (the first visit teaches a taste for tents), and reports on
 * the second, returning visit.
 */
export async function returningVisit(browser: Browser, url: string): Promise<Outcome> {
  const context = await browser.newContext();
  const { page, log } = await openPage(context);
  await page.goto(url);
  await settledState(page);
  await teachTents(page);
  const warningsBefore = log.consoleWarnings.length;
  await page.addInitScript(recordPageHealth);
  await page.goto(url);
  const state = await settledState(page);
  const health = await pageHealth(page);
  const ui = !(await page.$('#panel'))
    ? {}
    : await page
        .waitForFunction(
          () =>
            document.querySelector('#panel')?.shadowRoot?.textContent?.includes('interactions') &&
            document.querySelector('[data-inkling-overlay]')?.shadowRoot?.querySelector('.badge'),
          undefined,
          { timeout: 5000 },
        )
        .then(() =>
          page.evaluate(() => ({
            panel: document.querySelector('#panel')?.shadowRoot?.textContent ?? '',
            badges:
              document.querySelector('[data-inkling-overlay]')?.shadowRoot?.querySelectorAll('.badge').length ?? 0,
          })),
        )
        .catch(() => ({}));
  const outcome: Outcome = {
    state,
    order: await slotOrder(page),
    workers: page.workers().map((worker) => worker.url()),
    warnings: log.consoleWarnings.slice(warningsBefore).filter((line) => line.startsWith('[inkling]')),
    violations: health.violations,
    ...ui,
    errors: [
      ...health.errors,
      ...health.rejections,
      ...log.pageErrors,
      ...log.consoleErrors.filter((line) => line.startsWith('[inkling]')),
    ],
  };
  await context.close();
  return outcome;
}
