import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foreignRequests, openPage, serveAndLaunch } from './browser.js';
import { buildDemoSite } from './fixtures.js';
import { serveDemoWithGenerousBudget, slotSettled, visibleItems } from './demo-page.js';

// The story of the foundation issue, on the demo shop as a visitor would live it.
const session = serveAndLaunch(() => buildDemoSite('demo-story'));

const tiles = visibleItems;
const settled = (page: Page) => slotSettled(page, 'home-grid');

describe('demo shop story', () => {
  it('puts the clicked category first on the next load and never shows a bought product again', async () => {
    const context = await session.browser.newContext();
    await serveDemoWithGenerousBudget(context);
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/`);
    await settled(page);
    const grid = await tiles(page, 'home-grid');
    const running = grid.filter((tile) => tile.category === 'running').slice(0, 3);
    expect(running).toHaveLength(3);
    expect(grid.slice(0, 3).every((tile) => tile.category === 'running')).toBe(false);

    for (const tile of running) {
      await page.click(`[data-inkling-slot="home-grid"] > [data-inkling-item="${tile.id}"] a`);
      await page.waitForURL(/\/p\//);
      await page.goBack();
      await settled(page);
    }

    await page.reload();
    await settled(page);
    const gridAfter = await tiles(page, 'home-grid');
    expect(gridAfter.slice(0, 3).map((tile) => tile.category)).toEqual(['running', 'running', 'running']);
    const rail = await tiles(page, 'home-rail');
    const railRunning = rail
      .map((tile, index) => (tile.category === 'running' ? index : -1))
      .filter((index) => index >= 0);
    // The rail may pin a promoted product at 0; the visitor's category comes right after it.
    expect(railRunning.length).toBeGreaterThan(0);
    expect(Math.max(...railRunning)).toBeLessThanOrEqual(railRunning.length);

    const bought = rail[railRunning[0]!]!.id;
    await page.goto(`${session.server.url}/p/${bought}.html`);
    await page.click('[data-inkling-action="purchase"]');
    await page.waitForURL(/checkout/);
    await page.goto(`${session.server.url}/`);
    await settled(page);
    expect((await tiles(page, 'home-rail')).map((tile) => tile.id)).not.toContain(bought);
    expect((await tiles(page, 'home-grid')).map((tile) => tile.id)).not.toContain(bought);

    expect(foreignRequests(log, session.server.url)).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});
