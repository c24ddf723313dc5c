import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, pageHealth, recordPageHealth, serveAndLaunch, settledState, slotOrder } from './browser.js';
import { fixtureDir, productPage, shopPage, writeSite } from './fixtures.js';
import { call, exportedEvents, inklingReady, modeOf } from './inkling-page.js';

// What the outside audit broke in privacy and page safety (issue 20 items 3, 4, 6, 12), in Chromium.
const TAG = '<script src="/dist/inkling.js" async blocking="render" data-inkling-rank-budget="5000"';
const dir = fixtureDir('privacy-breaks');
writeSite(dir, {
  'shop.html': shopPage({ head: `${TAG}></script>` }),
  'product.html': productPage(`${TAG} data-inkling-panel=""></script>`).replace(
    '</body>',
    '<div id="inkling-panel-root"></div></body>',
  ),
  // A trailing comma in the recipes, and a call queued before the tag loaded.
  'bad-recipes.html': shopPage({
    head: `<script>window.Inkling = { q: [['track', { type: 'click', itemId: 'queued', itemListId: 'grid' }]] };</script>
  <script type="application/json" id="recipes">{ "default": { "strategies": [{ "use": "personal", "weight": 1 }], } }</script>
  ${TAG} data-inkling-recipes="recipes"></script>`,
  }),
  // A panel selector that does not parse, the debug overlay, and an item reference with a newline.
  'hostile.html': shopPage({
    head: `${TAG} data-inkling-panel="#1panel" data-inkling-debug></script>`,
    tail: '<button id="ref" data-inkling-action="add_to_cart" data-inkling-item-ref="a&#10;b">Add</button>',
  }),
});
const session = serveAndLaunch(dir);
const url = (path: string) => `${session.server.url}/${path}`;

/** Opens a detail page and waits until its view is being timed (the tracking module has run). */
async function readProduct(page: Page, id: string): Promise<void> {
  await page.goto(url(`product.html?id=${id}`));
  await inklingReady(page);
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/dist/inkling-track.js')),
  );
  await page.waitForTimeout(300);
}
const views = async (page: Page) =>
  (await exportedEvents(page)).filter((event) => event.type === 'view').map((event) => event.itemId);

describe('forget() leaves nothing pending behind', () => {
  it('in this tab: the detail page being read records no view after forget()', async () => {
    const context = await session.browser.newContext();
    const { page } = await openPage(context);
    await readProduct(page, 't1');
    await call(page, 'forget');
    await page.goto(url('shop.html'));
    await settledState(page);
    expect(await views(page)).toEqual([]);
    await context.close();
  });

  it("in another tab (BroadcastChannel) and from the panel's Erase", async () => {
    const context = await session.browser.newContext();
    const { page } = await openPage(context);
    await readProduct(page, 't1');
    const other = await context.newPage();
    await other.goto(url('shop.html'));
    await inklingReady(other);
    await call(other, 'forget');
    await page.waitForTimeout(500);
    await page.goto(url('shop.html'));
    await settledState(page);
    expect(await views(page)).toEqual([]);

    await readProduct(page, 't2');
    await page.waitForFunction(
      () => !!document.querySelector('#inkling-panel-root')?.shadowRoot?.querySelector('[data-panel-erase]'),
    );
    await page.evaluate(() =>
      (
        document
          .querySelector('#inkling-panel-root')!
          .shadowRoot!.querySelector('[data-panel-erase]') as HTMLButtonElement
      ).click(),
    );
    await page.waitForTimeout(500);
    await page.goto(url('shop.html'));
    await settledState(page);
    expect(await views(page)).toEqual([]);
    await context.close();
  });
});

describe('bad records in IndexedDB', () => {
  it('the engine starts, ranks, exports and forgets with a bad record in every shape the audit wrote', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.goto(url('shop.html'));
    await settledState(page);
    await page.evaluate(async () => {
      const inkling = (window as unknown as { Inkling: { track(e: object): void; flush(): Promise<void> } }).Inkling;
      for (const itemId of ['t2', 't3'])
        inkling.track({ type: 'click', itemId, itemListId: 'grid', item: { category: 'tents' } });
      await inkling.flush();
    });
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('inkling');
        request.onsuccess = () => resolve(request.result);
      });
      const tx = db.transaction('chunks', 'readwrite');
      const bad = [
        { first: 1, last: 1, events: null },
        { first: 1, last: 1, events: [null] },
        'a string',
        {
          first: Date.now(),
          last: Date.now(),
          events: [{ id: 'x', type: 'click', itemId: 'x', time: Date.now(), item: { tags: 5 } }],
        },
      ];
      for (const record of bad) tx.objectStore('chunks').put(record);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    await page.reload();
    expect(await settledState(page)).toBe('personalized');
    expect((await slotOrder(page)).slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);
    expect((await exportedEvents(page)).map((event) => event.itemId).sort()).toEqual(['t2', 't3']);
    await call(page, 'forget');
    expect(await exportedEvents(page)).toEqual([]);
    expect(log.consoleErrors.filter((line) => line.includes('[inkling]'))).toEqual([]);
    await context.close();
  });
});

describe('Global Privacy Control', () => {
  it('a session-mode visitor sees the slot personalized on screen once the tab has learned', async () => {
    const context = await session.browser.newContext();
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    const { page } = await openPage(context);
    await page.goto(url('shop.html'));
    await settledState(page);
    expect(await modeOf(page)).toBe('session');
    await page.evaluate(async () => {
      const inkling = (window as unknown as { Inkling: { track(e: object): void; flush(): Promise<void> } }).Inkling;
      for (const itemId of ['t2', 't3', 't2'])
        inkling.track({ type: 'click', itemId, itemListId: 'grid', item: { category: 'tents' } });
      await inkling.flush();
    });
    await page.reload();
    expect(await settledState(page)).toBe('personalized');
    expect((await slotOrder(page)).slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);
    // Nothing of it outlives the tab: the hint sits beside the tab's journal, not in localStorage.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await context.close();
  });
});

describe('never break the host page', () => {
  it('malformed recipes JSON: one error naming it, slots keep their order, queued calls still run', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.addInitScript(recordPageHealth);
    await page.goto(url('bad-recipes.html'));
    await inklingReady(page);
    expect(await settledState(page)).toBe('original');
    expect((await exportedEvents(page)).map((event) => event.itemId)).toEqual(['queued']);
    expect(log.consoleErrors.filter((line) => line.includes('[inkling]'))).toEqual([
      expect.stringMatching(/^\[inkling\] recipes: #recipes is not valid JSON \(.+\); slots keep their order$/),
    ]);
    const health = await pageHealth(page);
    expect([...health.errors, ...health.rejections]).toEqual([]);
    await context.close();
  });

  it('a bad panel selector, a newline in an item reference and a Symbol id reach neither onerror nor unhandledrejection', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.addInitScript(recordPageHealth);
    await page.goto(url('hostile.html'));
    await settledState(page);
    await page.waitForSelector('[data-inkling-overlay]', { state: 'attached' });
    await page.click('#ref');
    await page.evaluate(async () => {
      const inkling = (window as unknown as { Inkling: { rank(items: unknown[], options: object): Promise<unknown> } })
        .Inkling;
      await inkling.rank([{ id: Symbol('tile') }], { slot: 'grid' });
      dispatchEvent(new Event('resize'));
    });
    await page.waitForTimeout(300);
    const health = await pageHealth(page);
    expect([...health.errors, ...health.rejections]).toEqual([]);
    expect(log.consoleErrors.some((line) => line.startsWith('[inkling] option panel:'))).toBe(true);
    expect(
      (await exportedEvents(page)).filter((event) => event.type === 'add_to_cart').map((event) => event.itemId),
    ).toEqual(['a\nb']);
    await context.close();
  });
});
