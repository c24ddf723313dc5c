import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium, openPage, pageHealth, recordPageHealth } from './browser.js';
import { buildDemoSite } from './fixtures.js';

// The React example (demo/react): a server-rendered, hydrated, framework-owned list ranked through
// createInkling().rank(); React renders the order, the SDK never touches those nodes.
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer({ root: await buildDemoSite('demo-react', true) });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const list = (page: Page) => page.waitForSelector('ul.react-list:not(.is-pending)', { timeout: 10_000 });
const categories = (page: Page) =>
  page.$$eval('ul.react-list > li:not(.is-removed)', (rows) => rows.map((row) => row.getAttribute('data-category')));

describe('the React example', () => {
  it('hydrates without warnings, ranks each route through the API and keeps working across route changes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await openPage(context);
    await page.goto(`${server.url}/react/?rank-budget=5000`);
    await list(page);
    const firstOrder = await categories(page);
    expect(firstOrder).toHaveLength(24);
    const tentsOnTop = (order: (string | null)[]) =>
      order.slice(0, 4).filter((category) => category === 'tents').length;
    expect(tentsOnTop(firstOrder)).toBeLessThanOrEqual(1);

    // Look at three tents on the shop's product pages (the script tag records the views).
    const tents = await page.$$eval('ul.react-list > li[data-category="tents"] a', (links) =>
      links.slice(0, 3).map((link) => link.getAttribute('href')),
    );
    for (const href of tents) {
      await page.goto(`${server.url}${href}`);
      await page.click('[data-inkling-action="add_to_cart"]');
      await page.evaluate(() => (window as unknown as { Inkling: { flush(): Promise<void> } }).Inkling.flush());
    }

    await page.addInitScript(recordPageHealth);
    await page.goto(`${server.url}/react/?rank-budget=5000`);
    await list(page);
    expect(tentsOnTop(await categories(page))).toBeGreaterThanOrEqual(3);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    // Client-side route change: a new list, ranked as its own slot, with no reload.
    await page.click('nav a[href="/react/journal.html"]');
    await page.waitForURL(/journal\.html$/);
    await page.waitForSelector('ul.react-list[data-react-slot="react-journal"]:not(.is-pending)');
    expect(await page.$$eval('ul.react-list > li', (rows) => rows.length)).toBe(12);
    await page.click('nav a[href="/react/"]');
    await page.waitForSelector('ul.react-list[data-react-slot="react-gear"]:not(.is-pending)');
    expect(tentsOnTop(await categories(page))).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    // React owns these nodes: the SDK did not mark or move them.
    expect(await page.$$eval('#root [data-inkling-state], #root [data-inkling-slot]', (nodes) => nodes.length)).toBe(0);
    const health = await pageHealth(page);
    expect(health.shifts).toEqual([]);
    expect([...health.errors, ...health.rejections, ...log.pageErrors]).toEqual([]);
    // Hydration mismatches and React warnings reach the console as errors.
    expect(log.consoleErrors).toEqual([]);
    await context.close();
  });
});
