import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foreignRequests, openPage, serveAndLaunch } from './browser.js';

const session = serveAndLaunch('test/pages');

const gridOrder = (page: Page) =>
  page.$$eval('#grid > li:not([hidden])', (items) => items.map((item) => item.getAttribute('data-inkling-item')));
const settled = (page: Page) => page.waitForSelector('#grid[data-inkling-state]', { timeout: 10_000 });

describe('the whole loop in Chromium', () => {
  it('learns a category from clicks, reorders on the next load and hides a bought product', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    expect(await gridOrder(page)).toEqual(['s1', 't1', 's2', 'j1', 't2', 's3', 'j2', 't3']);

    for (const id of ['t2', 't3']) {
      await page.click(`[data-inkling-item="${id}"] a`);
      await page.waitForURL(/product\.html/);
      await page.goBack();
      await settled(page);
    }
    await page.reload();
    await settled(page);
    expect((await gridOrder(page)).slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);

    await page.goto(`${session.server.url}/product.html?id=t1`);
    await page.click('#buy');
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    const order = await gridOrder(page);
    expect(order).not.toContain('t1');
    expect(order.slice(0, 2).sort()).toEqual(['t2', 't3']);

    expect(foreignRequests(log, session.server.url)).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });

  it("rank() hands back the caller's own objects through the worker, whatever they carry", async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    const check = await page.evaluate(async () => {
      const products = ['a', 'b', 'c', 'd'].map((id, i) => ({
        id,
        category: i % 2 ? 'tents' : 'shoes',
        price: 10 + i,
        render: () => id,
        node: document.body,
      }));
      const inkling = (
        window as unknown as {
          Inkling: { rank(items: object[], options: object): Promise<{ items: { item: object }[]; fallback?: true }> };
        }
      ).Inkling;
      const ranking = await inkling.rank(products, { slot: 'api', explain: false });
      return {
        fallback: ranking.fallback ?? false,
        same: ranking.items.every((entry) => products.includes(entry.item as (typeof products)[number])),
        ids: ranking.items.map((entry) => (entry.item as (typeof products)[number]).render()).sort(),
      };
    });
    expect(check).toEqual({ fallback: false, same: true, ids: ['a', 'b', 'c', 'd'] });
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps the original order and stays silent to the page when the worker fails to load', async () => {
    const context = await session.browser.newContext();
    await context.route('**/inkling.worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const { page, log } = await openPage(context);
    await page.addInitScript(() => localStorage.setItem('inkling:returning', '1'));
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    expect(await page.getAttribute('#grid', 'data-inkling-state')).toBe('original');
    expect(await gridOrder(page)).toEqual(['s1', 't1', 's2', 'j1', 't2', 's3', 'j2', 't3']);
    expect(await page.$eval('#grid', (grid) => getComputedStyle(grid).visibility)).toBe('visible');
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors.every((line) => line.startsWith('[inkling]') || line.includes('404'))).toBe(true);
    await context.close();
  });
});
