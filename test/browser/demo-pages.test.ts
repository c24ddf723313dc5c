import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium, openPage } from './browser.js';
import { serveDemoWithGenerousBudget, slotSettled } from './demo-page.js';
import { buildDemoSite } from './fixtures.js';

// What a site owner sees first on the demo shop: pages that fit a phone, a home grid that never puts
// forward what cannot be bought, and a React example that looks like the shop.
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer({ root: await buildDemoSite('demo-pages', true) });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo shop', () => {
  it('fits a 390 px wide phone: the header does not overflow', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const path of ['/', '/category/cycling.html', '/p/sku-1.html', '/articles.html', '/cart.html']) {
      await page.goto(`${server.url}${path}`);
      const widths = await page.evaluate(() => ({
        header: document.querySelector('.site-header .bar')!.scrollWidth,
        page: document.documentElement.scrollWidth,
      }));
      expect(widths, path).toEqual({ header: 390, page: 390 });
    }
    await context.close();
  });

  it('never puts a sold-out product first on the home grid after browsing cycling', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await serveDemoWithGenerousBudget(context);
    const { page, log } = await openPage(context);
    await page.goto(`${server.url}/category/cycling.html`);
    const products = await page.$$eval(
      '[data-inkling-slot] > [data-inkling-category="cycling"]:not([data-inkling-in-stock="false"]) a',
      (links) => links.slice(0, 3).map((link) => link.getAttribute('href')!),
    );
    expect(products).toHaveLength(3);
    for (const href of products) {
      await page.goto(`${server.url}${href}`);
      await page.click('[data-inkling-action="add_to_cart"]');
    }
    await page.evaluate(() => (window as unknown as { Inkling: { flush(): Promise<void> } }).Inkling.flush());
    await page.goto(`${server.url}/`);
    await slotSettled(page, 'home-grid');
    const first = await page.$$eval('[data-inkling-slot="home-grid"] > [data-inkling-item]:not([hidden])', (tiles) =>
      tiles.slice(0, 8).map((tile) => ({
        category: tile.getAttribute('data-inkling-category'),
        inStock: tile.getAttribute('data-inkling-in-stock') !== 'false',
      })),
    );
    // The taste took hold (cycling leads), and none of the first tiles is sold out.
    expect(first[0]?.category).toBe('cycling');
    expect(first.filter((tile) => !tile.inStock)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });

  it("shows the React example as the shop's tiles: drawn image, title and price", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/react/?rank-budget=5000`);
    await page.waitForSelector('ul.react-list:not(.is-pending)', { timeout: 10_000 });
    const tiles = await page.$$eval('ul.react-list > li', (rows) =>
      rows.map((row) => {
        const art = row.querySelector('.art');
        return {
          artHeight: art?.getBoundingClientRect().height ?? 0,
          glyph: row.querySelector('.art svg use')?.getAttribute('href') ?? '',
          price: row.querySelector('.price')?.textContent ?? '',
        };
      }),
    );
    expect(tiles).toHaveLength(24);
    for (const tile of tiles) {
      expect(tile.artHeight).toBeGreaterThan(100);
      expect(tile.price).toMatch(/^\$\d+(\.\d\d)?$/);
      // The glyph's symbol is on the page (the shop's sprite), so the image is drawn.
      expect(await page.$(tile.glyph)).not.toBeNull();
    }
    expect(await page.$('.site-header')).not.toBeNull();
    await context.close();
  });
});
