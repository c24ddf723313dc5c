import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium, openPage, pageHealth, recordPageHealth, settledState, slotOrder } from './browser.js';
import { fixtureDir, ORIGINAL_ORDER, shopPage, writeSite } from './fixtures.js';

// Never break the host page: failures forced into every entry point and handler must stay inside
// Inkling (nothing reaches window.onerror or unhandledrejection) and the page keeps its order.
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

/** A worker that starts, then answers every engine call with an error, in comlink's wire format. */
const FAILING_ENGINE = `self.postMessage({ type: 'inkling:ready' });
self.addEventListener('message', (event) => {
  if (event.data && event.data.id) self.postMessage({ id: event.data.id, type: 'HANDLER', name: 'throw', value: { isError: true, value: { name: 'Error', message: 'forced engine failure' } } });
});`;

/** A worker whose start goes well (its first call, configure, succeeds) and that fails every call after it. */
const FAILING_LATER_ENGINE = `self.postMessage({ type: 'inkling:ready' });
let calls = 0;
self.addEventListener('message', (event) => {
  if (!event.data || !event.data.id) return;
  if (++calls === 1) self.postMessage({ id: event.data.id, type: 'RAW', value: undefined });
  else self.postMessage({ id: event.data.id, type: 'HANDLER', name: 'throw', value: { isError: true, value: { name: 'Error', message: 'forced later failure' } } });
});`;

/** Browser APIs the SDK leans on, broken before any script runs. */
const HOSTILE = `window.InklingConfig = { onError: function () { throw new Error('the site hook throws too'); } };
Storage.prototype.getItem = Storage.prototype.setItem = function () { throw new Error('storage blocked'); };
window.IntersectionObserver = function () { throw new Error('no IntersectionObserver'); };
CSSStyleSheet.prototype.replaceSync = function () { throw new Error('no constructed sheets'); };`;

beforeAll(async () => {
  const dir = fixtureDir('failures');
  const tag = '<script src="/dist/inkling.js" async data-inkling-rank-budget="5000"></script>';
  writeSite(dir, {
    'shop.html': shopPage({ head: tag }),
    'hostile.html': shopPage({ head: `<script src="/hostile.js"></script>${tag}` }),
  });
  writeFileSync(`${dir}/failing-engine.js`, FAILING_ENGINE);
  writeFileSync(`${dir}/hostile.js`, HOSTILE);
  server = await startServer({ root: dir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Calls every public method with bad input and with an engine that fails; returns what came back. */
function callEverything(page: Page) {
  return page.evaluate(async () => {
    type Api = Record<string, (...args: unknown[]) => unknown>;
    const inkling = (window as unknown as { Inkling: Api }).Inkling;
    inkling.on!('ranked', () => {
      throw new Error('a throwing handler');
    });
    inkling.on!('error', 42);
    inkling.track!(null);
    inkling.track!({ type: 'nonsense', itemId: '' });
    inkling.track!({ type: 'click', itemId: 'x1' });
    inkling.setConsent!('granted');
    inkling.pause!(true);
    inkling.pause!(false);
    const results = await Promise.all([
      inkling.rank!(null, null),
      inkling.rank!([{ id: 'a' }, { id: 'b' }], { slot: 'probe' }),
      inkling.explain!('grid', 's1'),
      inkling.forget!(),
      inkling.export!(),
      inkling.flush!(),
    ]);
    // The page's own handlers: a tile click, leaving the page.
    document.querySelector('#grid li')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    return JSON.parse(JSON.stringify(results)) as unknown[];
  });
}

describe('forced failures', () => {
  it('an engine that fails every call: the page keeps its order and hears nothing', async () => {
    const context = await browser.newContext();
    await context.route('**/dist/inkling.worker.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: FAILING_ENGINE }),
    );
    const { page, log } = await openPage(context);
    await page.addInitScript(() => localStorage.setItem('inkling:returning', '1'));
    await page.addInitScript(recordPageHealth);
    await page.goto(`${server.url}/shop.html`);
    expect(await settledState(page)).toBe('original');
    const results = await callEverything(page);
    expect(results[1]).toMatchObject({ fallback: true, items: [{ item: { id: 'a' } }, { item: { id: 'b' } }] });
    expect(results[4]).toMatchObject({ events: [] });
    expect(await slotOrder(page)).toEqual(ORIGINAL_ORDER);
    expect(await page.$eval('#grid', (grid) => getComputedStyle(grid).visibility)).toBe('visible');
    const health = await pageHealth(page);
    expect([...health.errors, ...health.rejections, ...log.pageErrors]).toEqual([]);
    expect(log.consoleErrors.length).toBeGreaterThan(0);
    expect(log.consoleErrors.every((line) => line.startsWith('[inkling]'))).toBe(true);
    await context.close();
  });

  it("an engine that starts, then fails: mode changes and another tab's forget() stay contained", async () => {
    const context = await browser.newContext();
    await context.route('**/dist/inkling.worker.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: FAILING_LATER_ENGINE }),
    );
    await context.addInitScript(recordPageHealth);
    const [{ page, log }, { page: other, log: otherLog }] = [await openPage(context), await openPage(context)];
    for (const tab of [page, other]) {
      await tab.goto(`${server.url}/shop.html`);
      await tab.waitForFunction(
        () => typeof (window as { Inkling?: { track?: unknown } }).Inkling?.track === 'function',
      );
    }
    // Both engines are started (their configure answered); now every call fails.
    await page.evaluate(() => (window as unknown as { Inkling: { export(): Promise<unknown> } }).Inkling.export());
    await other.evaluate(async () => {
      const inkling = (window as unknown as { Inkling: { export(): Promise<unknown>; forget(): Promise<void> } })
        .Inkling;
      await inkling.export();
      await inkling.forget(); // tells the first tab, whose engine's forget() then fails
    });
    await page.evaluate(async () => {
      const inkling = (
        window as unknown as { Inkling: { pause(paused: boolean): void; setConsent(state: string): void } }
      ).Inkling;
      inkling.pause(true);
      inkling.pause(false);
      inkling.setConsent('denied');
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    for (const [tab, tabLog] of [
      [page, log],
      [other, otherLog],
    ] as const) {
      const health = await pageHealth(tab);
      expect([...health.errors, ...health.rejections, ...tabLog.pageErrors]).toEqual([]);
    }
    expect(log.consoleErrors.filter((line) => line.includes('forced later failure')).length).toBeGreaterThan(0);
    expect(log.consoleErrors.every((line) => line.startsWith('[inkling]'))).toBe(true);
    await context.close();
  });

  it('no worker and no in-thread engine either (both 404)', async () => {
    const context = await browser.newContext();
    await context.route('**/dist/inkling.worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const { page, log } = await openPage(context);
    await page.addInitScript(() => localStorage.setItem('inkling:returning', '1'));
    await page.addInitScript(recordPageHealth);
    await page.goto(`${server.url}/shop.html`);
    expect(await settledState(page)).toBe('original');
    await callEverything(page);
    expect(await slotOrder(page)).toEqual(ORIGINAL_ORDER);
    const health = await pageHealth(page);
    expect([...health.errors, ...health.rejections, ...log.pageErrors]).toEqual([]);
    await context.close();
  });

  it('storage, IntersectionObserver, constructed sheets and the site error hook all throwing', async () => {
    const context = await browser.newContext();
    const { page, log } = await openPage(context);
    await page.addInitScript(recordPageHealth);
    await page.goto(`${server.url}/hostile.html`);
    await page.waitForFunction(
      () => typeof (window as { Inkling?: { track?: unknown } }).Inkling?.track === 'function',
    );
    await callEverything(page);
    expect(await slotOrder(page)).toEqual(ORIGINAL_ORDER);
    expect(await page.$eval('#grid', (grid) => getComputedStyle(grid).visibility)).toBe('visible');
    const health = await pageHealth(page);
    expect([...health.errors, ...health.rejections, ...log.pageErrors]).toEqual([]);
    await context.close();
  });
});
