import type { BrowserContext, Page } from 'playwright-core';

/**
 * Shared CI machines are slow: serve the demo's pages with a generous rank budget so a test checks the
 * ranking, not the machine's speed (the default budget has its own test and benchmark). `edit` may change
 * the page further (e.g. break a recipe).
 */
export async function serveDemoWithGenerousBudget(
  context: BrowserContext,
  edit: (html: string) => string = (html) => html,
) {
  await context.route(/\/(index\.html)?$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      '<script src="/dist/inkling.js"',
      '<script data-inkling-rank-budget="5000" src="/dist/inkling.js"',
    );
    await route.fulfill({ response, body: edit(body) });
  });
}

/** Waits until Inkling is done with `slot` (personalized or kept in its original order). */
export const slotSettled = (page: Page, slot: string) =>
  page.waitForSelector(`[data-inkling-slot="${slot}"][data-inkling-state]`, { timeout: 15_000 });

/** Visible item ids of a slot, in page order. */
export const visibleItems = (page: Page, slot: string) =>
  page.$$eval(`[data-inkling-slot="${slot}"] > [data-inkling-item]:not([hidden])`, (elements) =>
    elements.map((element) => ({
      id: element.getAttribute('data-inkling-item')!,
      category: element.getAttribute('data-inkling-category') ?? '',
    })),
  );
