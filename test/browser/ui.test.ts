import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { foreignRequests, launchChromium, openPage, pageHealth, recordPageHealth } from './browser.js';
import { slotSettled } from './demo-page.js';
import { buildDemoSite } from './fixtures.js';

// The visitor panel ("Personalized on this device") and the site owner's `?inkling-debug` overlay, on
// the demo shop, as a returning visitor who looked at tents. Screenshots go to test-results/screenshots.
const screenshots = 'test-results/screenshots';
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startServer({ root: await buildDemoSite('demo-ui') });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const panelText = (page: Page) =>
  page.evaluate(() => document.querySelector('#inkling-panel-root')?.shadowRoot?.textContent ?? '');
const clickPanel = (page: Page, button: string) =>
  page.evaluate(
    (selector) =>
      (document.querySelector('#inkling-panel-root')!.shadowRoot!.querySelector(selector) as HTMLButtonElement).click(),
    button,
  );

/** A fresh visitor who opened three tents and came back to the home page (with a generous rank budget). */
async function returningCamper(query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.route(/\/(index\.html)?(\?[^/]*)?$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      '<script src="/dist/inkling.js"',
      '<script data-inkling-rank-budget="5000" src="/dist/inkling.js"',
    );
    await route.fulfill({ response, body });
  });
  const { page, log } = await openPage(context);
  await page.goto(`${server.url}/`);
  await slotSettled(page, 'home-grid');
  for (const id of await page.$$eval('[data-inkling-category="tents"][data-inkling-item]', (tiles) =>
    tiles.slice(0, 3).map((tile) => tile.getAttribute('data-inkling-item')),
  )) {
    await page.goto(`${server.url}/p/${id}.html`);
    await page.click('[data-inkling-action="add_to_cart"]');
  }
  await page.evaluate(() => (window as unknown as { Inkling: { flush(): Promise<void> } }).Inkling.flush());
  await page.addInitScript(recordPageHealth);
  await page.goto(`${server.url}/${query}`);
  await slotSettled(page, 'home-grid');
  return { context, page, log };
}

describe('the visitor panel', () => {
  it('shows top interests and what is stored, and its export, pause and erase buttons work', async () => {
    const { context, page, log } = await returningCamper();
    await page.waitForFunction(() =>
      /interactions/.test(document.querySelector('#inkling-panel-root')?.shadowRoot?.textContent ?? ''),
    );
    const text = await panelText(page);
    expect(text).toMatch(/Personalized on this device/);
    expect(text).toMatch(/tents/);
    expect(text).toMatch(/Stored in this browser only: \d+ interactions/);
    await page.locator('#inkling-panel-root').scrollIntoViewIfNeeded();
    await page.locator('#inkling-panel-root').screenshot({ path: `${screenshots}/demo-panel.png` });

    // Export: a JSON file made on the device.
    const download = page.waitForEvent('download');
    await clickPanel(page, '[data-panel-export]');
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { events: { itemId: string }[]; mode: string };
    expect(exported.mode).toBe('full');
    expect(exported.events.length).toBeGreaterThan(0);

    // Pause: mode off now and on the next page view, until resumed.
    await clickPanel(page, '[data-panel-pause]');
    await page.waitForFunction(() =>
      /Paused/.test(document.querySelector('#inkling-panel-root')?.shadowRoot?.textContent ?? ''),
    );
    expect(await page.evaluate(() => (window as unknown as { Inkling: { mode: string } }).Inkling.mode)).toBe('off');
    await page.reload();
    await slotSettled(page, 'home-grid');
    expect(await page.evaluate(() => (window as unknown as { Inkling: { mode: string } }).Inkling.mode)).toBe('off');
    expect(await page.getAttribute('[data-inkling-slot="home-grid"]', 'data-inkling-state')).toBe('original');
    await page.waitForFunction(() =>
      /Resume/.test(document.querySelector('#inkling-panel-root')?.shadowRoot?.textContent ?? ''),
    );
    await clickPanel(page, '[data-panel-pause]');
    await page.waitForFunction(() => (window as unknown as { Inkling: { mode: string } }).Inkling.mode === 'full');

    // Erase: nothing stored any more.
    await clickPanel(page, '[data-panel-erase]');
    await page.waitForFunction(() =>
      /Nothing about you is stored in this browser/.test(
        document.querySelector('#inkling-panel-root')?.shadowRoot?.textContent ?? '',
      ),
    );
    const after = await page.evaluate(() =>
      (window as unknown as { Inkling: { export(): Promise<{ events: unknown[] }> } }).Inkling.export(),
    );
    expect(after.events).toEqual([]);

    expect((await pageHealth(page)).errors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(foreignRequests(log, server.url)).toEqual([]);
    await context.close();
  });
});

describe('the visitor panel in two tabs', () => {
  it('shows the erase made in the other tab', async () => {
    const { context, page, log } = await returningCamper();
    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await slotSettled(other, 'home-grid');
    const stored = /Stored in this browser only: \d+ interactions/;
    for (const tab of [page, other])
      await tab.waitForFunction(
        (pattern) =>
          new RegExp(pattern).test(document.querySelector('#inkling-panel-root')?.shadowRoot?.textContent ?? ''),
        stored.source,
      );
    await clickPanel(page, '[data-panel-erase]');
    // The erase reaches this tab's engine a moment after the storage: the panel shows it once both are empty.
    const erased = () => {
      const text = document.querySelector('#inkling-panel-root')?.shadowRoot?.textContent ?? '';
      return /Nothing about you is stored in this browser/.test(text) && /nothing yet/.test(text);
    };
    await other.waitForFunction(erased);
    expect(await panelText(other)).not.toMatch(/tents/);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('the ?inkling-debug overlay', () => {
  it("draws each item's place, score, its parts and the rules that moved it, without shifting the page", async () => {
    const { context, page, log } = await returningCamper('?inkling-debug');
    await page.waitForFunction(
      () => (document.querySelector('[data-inkling-overlay]')?.shadowRoot?.querySelectorAll('.badge').length ?? 0) > 20,
    );
    const badges = await page.evaluate(() =>
      [...document.querySelector('[data-inkling-overlay]')!.shadowRoot!.querySelectorAll('.badge')].map((badge) => ({
        slot: badge.getAttribute('data-slot'),
        item: badge.getAttribute('data-item'),
        text: badge.textContent ?? '',
      })),
    );
    const gridIds = await page.$$eval('[data-inkling-slot="home-grid"] > [data-inkling-item]:not([hidden])', (tiles) =>
      tiles.map((tile) => tile.getAttribute('data-inkling-item')),
    );
    // Every visible tile of the grid that is on screen has its badge: place, score, where it was, and why.
    // The rail can hold the same item at another place: its badge is the rail's.
    const first = badges.find((badge) => badge.slot === 'home-grid' && badge.item === gridIds[0]);
    expect(first?.text).toMatch(/#1 score -?\d+\.\d{3} \(was #\d+\)/);
    expect(first?.text).toMatch(/personal|trending|recent|similar/);
    // Each grid badge's place is its tile's place on the page.
    const gridBadges = badges.filter((badge) => badge.slot === 'home-grid' && !badge.text.startsWith('removed'));
    expect(gridBadges.length).toBeGreaterThan(10);
    for (const badge of gridBadges)
      expect(badge.text).toMatch(new RegExp(`^#${gridIds.indexOf(badge.item) + 1} score`));
    // The rail pins its promoted product: a rule shows on its badge.
    expect(badges.some((badge) => /rule /.test(badge.text))).toBe(true);
    await page.screenshot({ path: `${screenshots}/demo-debug-overlay.png` });
    expect((await pageHealth(page)).shifts).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await context.close();
  });
});
