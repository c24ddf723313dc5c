import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, serveAndLaunch } from './browser.js';

const session = serveAndLaunch('test/pages');

const settled = (page: Page) => page.waitForSelector('#grid[data-inkling-state]', { timeout: 10_000 });
const gridOrder = (page: Page) =>
  page.$$eval('#grid > li:not([hidden])', (items) => items.map((item) => item.getAttribute('data-inkling-item')));

interface Exported {
  events: { type: string; itemId: string; choice?: { slot: string; model: number; recent: number; site?: number } }[];
  profile: { choices: Record<string, Record<string, { n: number }>> };
}
const exported = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { Inkling: { export(): Promise<unknown> } }).Inkling.export(),
  ) as Promise<Exported>;

describe('the choice check across page views in Chromium', () => {
  it('a click on page 1 is stored as a choice, and page 2’s new worker holds the evidence', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    const served = await gridOrder(page);
    await page.click('[data-inkling-item="t2"] a');
    await page.waitForURL(/product\.html/);
    await page.waitForSelector('#product');

    const { events, profile } = await exported(page);
    const click = events.find((event) => event.type === 'click' && event.itemId === 't2');
    // Page 1's engine, which ranked the grid, stored where each order placed the chosen item.
    expect(click?.choice).toEqual({ slot: 'grid', model: served.indexOf('t2'), recent: expect.any(Number), site: 4 });
    // Page 2's engine never ranked the grid: it rebuilt the evidence from the stored events.
    expect(profile.choices['grid']?.['site']?.n).toBe(1);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });

  it('serves the site’s order on a later page once the choices of earlier page views favour it', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    const siteOrder = ['s1', 't1', 's2', 'j1', 't2', 's3', 'j2', 't3'];
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    // Earlier visits: tents, which the model then puts first.
    for (const id of ['t3', 't2']) {
      await page.goto(`${session.server.url}/product.html?id=${id}`);
      await page.waitForSelector('#product');
    }
    let picks = 0;
    for (; picks < 6; picks++) {
      await page.goto(`${session.server.url}/shop.html`);
      await settled(page);
      const order = await gridOrder(page);
      if (order.join() === siteOrder.join()) break;
      // The visitor picks, of what the grid placed in its lower half, what the site placed first.
      const pick = siteOrder.find((id) => order.indexOf(id) >= order.length / 2)!;
      await page.click(`[data-inkling-item="${pick}"] a`);
      await page.waitForURL(/product\.html/);
      await page.waitForSelector('#product');
    }
    // Each page view was a new worker: the evidence came from the stored choices of the earlier ones.
    expect(picks).toBeGreaterThanOrEqual(2);
    expect(await gridOrder(page)).toEqual(siteOrder);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});
