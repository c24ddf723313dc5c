// The README's picture: the demo shop's "Popular right now" grid in the shop's own order (the page as
// served, without Inkling: even a first visit is ranked by the shipped prior), and for a visitor who
// looked at three tents, side by side. Run after `npm run build && node demo/build.mjs`:
//   node demo/screenshot.mjs [out.png]     (default docs/screenshot.png; Debian Chromium, never downloaded)
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../scripts/setup.mjs';

const out = process.argv[2] ?? fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
const server = await startServer({ root: fileURLToPath(new URL('./dist', import.meta.url)) });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  // A generous rank budget: a shared machine must not decide what the picture shows.
  await context.route(/\/(index\.html)?$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      body: (await response.text()).replace(
        '<script src="/dist/inkling.js"',
        '<script data-inkling-rank-budget="5000" src="/dist/inkling.js"',
      ),
    });
  });
  const grid = '[data-inkling-slot="home-grid"]';
  const shoot = async (page, { ranked = true } = {}) => {
    if (ranked) await page.waitForSelector(`${grid}[data-inkling-state]`);
    const box = await page.$eval(grid, (slot) => {
      const rect = slot.getBoundingClientRect();
      return { x: rect.left + scrollX, y: rect.top + scrollY, width: rect.width, height: rect.height };
    });
    // The first two rows of tiles.
    return (
      await page.screenshot({
        clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 780) },
        fullPage: true,
      })
    ).toString('base64');
  };
  // The shop's own order: the page as served, in a context where the SDK never loads.
  const plain = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await plain.route('**/dist/**', (route) => route.abort());
  const original = await plain.newPage();
  await original.goto(`${server.url}/`);
  const before = await shoot(original, { ranked: false });
  await plain.close();
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const tents = await page.$$eval('[data-inkling-category="tents"][data-inkling-item]', (tiles) =>
    tiles.slice(0, 3).map((tile) => tile.getAttribute('data-inkling-item')),
  );
  for (const id of tents) {
    await page.goto(`${server.url}/p/${id}.html`);
    await page.click('[data-inkling-action="add_to_cart"]');
  }
  await page.evaluate(() => window.Inkling.flush());
  await page.goto(`${server.url}/`);
  const after = await shoot(page);

  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1600, height: 600 });
  await sheet.setContent(`<!doctype html><style>
    body{margin:0;padding:24px;background:#f4f1ec;font:600 20px system-ui;color:#14532d;display:flex;gap:24px}
    figure{margin:0;flex:1}figcaption{margin:0 0 10px}img{width:100%;border-radius:10px;box-shadow:0 2px 10px #0002}
    small{display:block;font-weight:400;font-size:15px;color:#52606d;margin-top:2px}</style>
    <figure><figcaption>The shop's own order<small>"Popular right now" as the page is served</small></figcaption><img src="data:image/png;base64,${before}"></figure>
    <figure><figcaption>After looking at three tents<small>Same nodes, reordered on the device before the slot was painted</small></figcaption><img src="data:image/png;base64,${after}"></figure>`);
  mkdirSync(dirname(out), { recursive: true });
  await sheet.locator('body').screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
