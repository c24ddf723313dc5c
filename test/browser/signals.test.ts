import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, serveAndLaunch } from './browser.js';
import { exportedEvents, inklingReady } from './inkling-page.js';
import type { InklingEvent } from '../../common/types.js';

const session = serveAndLaunch('test/pages');

const newContext = () => session.browser.newContext({ viewport: { width: 800, height: 600 } });
const ofType = (events: InklingEvent[], type: InklingEvent['type']) => events.filter((event) => event.type === type);
const impressed = async (page: Page) =>
  ofType(await exportedEvents(page), 'impression')
    .map((event) => event.itemId)
    .sort();
/** The tab as the browser reports it when the visitor switches away (headless pages are always "visible"). */
const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (value ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);

async function openViewability(context: BrowserContext): Promise<Page> {
  const { page } = await openPage(context);
  await page.goto(`${session.server.url}/viewability.html`);
  await page.waitForSelector('#rail[data-inkling-state]');
  return page;
}

describe('impressions (MRC viewability)', () => {
  it('counts 50% for 1 s, 30% for large tiles, once per item per page view, with GA4 list fields', async () => {
    const context = await newContext();
    const page = await openViewability(context);
    await page.waitForTimeout(1500);
    expect(await impressed(page)).toEqual(['a', 'c']);
    const a = ofType(await exportedEvents(page), 'impression').find((event) => event.itemId === 'a')!;
    expect(a.itemListId).toBe('rail');
    expect(a.index).toBe(0);

    // E in view for half a second is not an impression; in view for over a second it is.
    await page.evaluate(() => scrollTo(0, 1200));
    await page.waitForTimeout(500);
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(700);
    expect(await impressed(page)).toEqual(['a', 'c']);
    await page.evaluate(() => scrollTo(0, 1200));
    await page.waitForTimeout(1400);
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(1400);
    // A came back into view: still one impression this page view.
    expect(await impressed(page)).toEqual(['a', 'c', 'e']);
    await context.close();
  });

  it("sends a ranked tile's impression as its id; the engine stores it with the item's snapshot", async () => {
    const context = await newContext();
    // What the page posts to the worker: the events of each ingest() call, as comlink carries them.
    await context.addInitScript(() => {
      const sent: unknown[] = ((window as unknown as { __ingested: unknown[] }).__ingested = []);
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (
        this: Worker,
        message: { path?: string[]; argumentList?: { value: unknown[] }[] },
        ...rest: [StructuredSerializeOptions?]
      ) {
        if (message?.path?.[0] === 'ingest') sent.push(...message.argumentList![0]!.value);
        return post.call(this, message, ...rest);
      } as Worker['postMessage'];
    });
    const page = await openViewability(context);
    await page.waitForTimeout(1500);
    const stored = ofType(await exportedEvents(page), 'impression').find((event) => event.itemId === 'a')!;
    const sent = (await page.evaluate(() => (window as unknown as { __ingested: InklingEvent[] }).__ingested)).find(
      (event) => event.type === 'impression' && event.itemId === 'a',
    )!;
    expect(sent).toMatchObject({ itemListId: 'rail', index: 0 });
    expect(sent).not.toHaveProperty('item');
    expect(stored.id).toBe(sent.id);
    expect(stored.item).toMatchObject({ category: 'x' });
    await context.close();
  });

  it('stops the clock while the tab is hidden and restarts it from zero', async () => {
    const context = await newContext();
    const page = await openViewability(context);
    await page.waitForTimeout(500);
    await setHidden(page, true);
    await page.waitForTimeout(1200);
    expect(await impressed(page)).toEqual([]);
    await setHidden(page, false);
    await page.waitForTimeout(600);
    expect(await impressed(page)).toEqual([]);
    await page.waitForTimeout(900);
    expect(await impressed(page)).toEqual(['a', 'c']);
    await context.close();
  });
});

describe('clicks', () => {
  it('counts mouse, keyboard, middle and ctrl clicks on items, with slot and position', async () => {
    const context = await newContext();
    const page = await openViewability(context);
    await page.click('#a a');
    await page.focus('#c a');
    await page.keyboard.press('Enter');
    await page.click('#d a', { button: 'middle' });
    await page.click('#e a', { modifiers: ['Control'] });
    const clicks = ofType(await exportedEvents(page), 'click');
    expect(clicks.map((event) => event.itemId)).toEqual(['a', 'c', 'd', 'e']);
    expect(clicks.every((event) => event.itemListId === 'rail' && typeof event.index === 'number')).toBe(true);
    await context.close();
  });
});

describe('single-page apps', () => {
  it('picks up slots and items rendered later and starts a new page view on a route change', async () => {
    const context = await newContext();
    const { page } = await openPage(context);
    await page.goto(`${session.server.url}/spa.html`);
    await page.waitForSelector('#list[data-inkling-state]');
    await page.evaluate(() =>
      (window as unknown as { addItem(list: Element, id: string): void }).addItem(
        document.getElementById('list')!,
        'p4',
      ),
    );
    await page.waitForTimeout(1400);
    expect(await impressed(page)).toEqual(['p1', 'p2', 'p3', 'p4']);

    // Route to a detail view, stay a moment, route back: a view with dwell, and impressions count again.
    await page.evaluate(() => {
      history.pushState({}, '', '/spa.html?product=p2');
      (window as unknown as { render(route: string): void }).render('p2');
    });
    await page.waitForTimeout(400);
    await page.evaluate(() => {
      history.pushState({}, '', '/spa.html');
      (window as unknown as { render(route: string): void }).render('list');
    });
    await page.waitForSelector('#list[data-inkling-state]');
    await page.waitForTimeout(1400);
    const events = await exportedEvents(page);
    const view = ofType(events, 'view')[0]!;
    expect(view.itemId).toBe('p2');
    expect(view.dwellMs).toBeGreaterThanOrEqual(300);
    const p1 = ofType(events, 'impression').filter((event) => event.itemId === 'p1');
    expect(p1).toHaveLength(2);
    expect(p1[0]!.pageViewId).not.toBe(p1[1]!.pageViewId);
    await context.close();
  });
});

describe('detail views and purchases', () => {
  it('sends a view with its dwell time when the visitor leaves the product page', async () => {
    const context = await newContext();
    const { page } = await openPage(context);
    await page.goto(`${session.server.url}/product.html?id=t1`);
    await inklingReady(page);
    await page.waitForTimeout(800);
    await page.goto(`${session.server.url}/confirm.html`);
    await inklingReady(page);
    const view = ofType(await exportedEvents(page), 'view')[0]!;
    expect(view.itemId).toBe('t1');
    expect(view.dwellMs).toBeGreaterThanOrEqual(700);
    expect(view.item?.category).toBe('tents');
    await context.close();
  });

  it('sends the view of a product page left before the tracking module arrived', async () => {
    const context = await newContext();
    // The tracking module never arrives on the product page: the tag alone must record the view.
    let holdTracking = true;
    await context.route('**/dist/inkling-track.js', (route) => (holdTracking ? undefined : route.continue()));
    const { page } = await openPage(context);
    await page.goto(`${session.server.url}/product.html?id=t2`);
    await inklingReady(page);
    await page.waitForTimeout(200);
    holdTracking = false;
    await page.goto(`${session.server.url}/confirm.html`);
    await inklingReady(page);
    const views = ofType(await exportedEvents(page), 'view');
    expect(views.map((view) => view.itemId)).toEqual(['t2']);
    expect(views[0]!.dwellMs).toBeGreaterThanOrEqual(200);
    expect(views[0]!.item?.category).toBe('tents');
    await context.close();
  });

  it('counts "Buy now" and the order confirmation as one purchase per item, even on reload', async () => {
    const context = await newContext();
    const { page } = await openPage(context);
    await page.goto(`${session.server.url}/product.html?id=t1`);
    await inklingReady(page);
    await page.click('#buy');
    await page.goto(`${session.server.url}/confirm.html`);
    await inklingReady(page);
    await page.reload();
    await inklingReady(page);
    const purchases = ofType(await exportedEvents(page), 'purchase');
    expect(purchases.map((event) => event.itemId).sort()).toEqual(['t1', 't2']);
    expect(purchases.find((event) => event.itemId === 't2')!.orderId).toBe('A-1001');
    await context.close();
  });
});
