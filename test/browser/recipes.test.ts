import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, serveAndLaunch } from './browser.js';
import { buildDemoSite } from './fixtures.js';
import { serveDemoWithGenerousBudget, slotSettled, visibleItems } from './demo-page.js';

// The demo home page declares its recipes inline: the rail's recipe excludes purchases, caps items
// shown 5 times without a click (sink) and pins the promoted sku-169 at position 0.
const session = serveAndLaunch(() => buildDemoSite('demo-recipes'));

const rail = async (page: Page) => (await visibleItems(page, 'home-rail')).map((tile) => tile.id);
const settled = (page: Page) => slotSettled(page, 'home-rail');

describe('recipes declared on the demo page', () => {
  it('exclude a purchased product, cap an ignored one and pin the promoted one', async () => {
    const context = await session.browser.newContext();
    await serveDemoWithGenerousBudget(context);
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/`);
    await settled(page);
    const before = await rail(page);
    const [ignored, bought] = before.filter((id) => id !== 'sku-169');
    expect(ignored && bought).toBeTruthy();

    // Five page views in which `ignored` was seen and never clicked (as the impression tracker reports
    // them), and a purchase of `bought`.
    await page.evaluate(
      ({ ignored: id, bought: buy }) => {
        const inkling = (window as unknown as { Inkling: { track(event: object): void; flush(): Promise<void> } })
          .Inkling;
        for (let view = 0; view < 5; view++)
          inkling.track({
            type: 'impression',
            itemId: id,
            itemListId: 'home-rail',
            index: 1,
            pageViewId: `earlier-${view}`,
          });
        inkling.track({ type: 'purchase', itemId: buy });
        return inkling.flush();
      },
      { ignored: ignored!, bought: bought! },
    );

    await page.reload();
    await settled(page);
    const after = await rail(page);
    expect(after[0]).toBe('sku-169');
    expect(after).not.toContain(bought);
    expect(after.at(-1)).toBe(ignored);
    const reasons = await page.evaluate(async (id) => {
      const inkling = (
        window as unknown as { Inkling: { explain(slot: string, id: string): Promise<{ text: string }[]> } }
      ).Inkling;
      return (await inkling.explain('home-rail', id)).map((reason) => reason.text);
    }, ignored!);
    expect(reasons.some((text) => text.startsWith('capped: shown 5 times without a click'))).toBe(true);
    const pinReasons = await page.evaluate(async () =>
      (
        await (
          window as unknown as { Inkling: { explain(s: string, i: string): Promise<{ source: string }[]> } }
        ).Inkling.explain('home-rail', 'sku-169')
      ).map((reason) => reason.source),
    );
    expect(pinReasons).toContain('pin');
    expect(log.consoleErrors).toEqual([]);
    await context.close();
  });

  it('leaves a slot with a bad recipe in its original order and logs one [inkling] error', async () => {
    const context = await session.browser.newContext();
    await serveDemoWithGenerousBudget(context, (html) => {
      const broken = html.replace(
        '"home-rail":{"strategies":[{"use":"personal","weight":0.8}',
        '"home-rail":{"strategies":[{"use":"personal","weight":"high"}',
      );
      // A demo recipe that changed would leave nothing broken, and the test would measure nothing.
      if (broken === html) throw new Error('the demo recipe changed: update the string this test breaks');
      return broken;
    });
    const { page, log } = await openPage(context);
    await page.addInitScript(() => localStorage.setItem('inkling:returning', '1'));
    await page.goto(`${session.server.url}/`);
    await page.waitForSelector('[data-inkling-slot="home-grid"][data-inkling-state]', { timeout: 15_000 });
    await settled(page);
    expect(await page.getAttribute('[data-inkling-slot="home-rail"]', 'data-inkling-state')).toBe('original');
    expect(await page.getAttribute('[data-inkling-slot="home-grid"]', 'data-inkling-state')).toBe('personalized');
    const errors = log.consoleErrors.filter((line) => line.startsWith('[inkling]'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('recipes.home-rail.strategies[0].weight: expected a number');
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});
