import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, serveAndLaunch } from './browser.js';
import { call, databases, exportedEvents, inklingReady, modeOf } from './inkling-page.js';

const session = serveAndLaunch('test/pages');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
const ORIGINAL = ['s1', 't1', 's2', 'j1', 't2', 's3', 'j2', 't3'];
const gridOrder = (page: Page) =>
  page.$$eval('#grid > li:not([hidden])', (items) => items.map((item) => item.getAttribute('data-inkling-item')));
const settled = (page: Page) => page.waitForSelector('#grid[data-inkling-state]', { timeout: 10_000 });
const visitTents = async (page: Page) => {
  for (const id of ['t2', 't3']) {
    await page.click(`[data-inkling-item="${id}"] a`);
    await page.waitForURL(/product\.html/);
    // The visitor reads the product page: its view is recorded by the tracking module the tag imports
    // once ranking has started (a bounce before it arrives records no view).
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/dist/inkling-track.js')),
    );
    await page.waitForTimeout(300);
    await page.goBack();
    await settled(page);
  }
};

describe('privacy in Chromium', () => {
  it('makes no request beyond its own files and reads no fingerprinting surface', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.addInitScript(() => {
      const touched: string[] = ((window as unknown as { touched: string[] }).touched = []);
      const spy = (target: object, key: string) => {
        const descriptor = Object.getOwnPropertyDescriptor(target, key);
        if (!descriptor) return;
        Object.defineProperty(target, key, {
          ...descriptor,
          ...(descriptor.get
            ? {
                get() {
                  touched.push(key);
                  return descriptor.get!.call(this);
                },
              }
            : {
                value(...args: unknown[]) {
                  touched.push(key);
                  return (descriptor.value as (...a: unknown[]) => unknown).apply(this, args);
                },
              }),
        });
      };
      spy(StorageManager.prototype, 'estimate');
      for (const key of ['hardwareConcurrency', 'deviceMemory', 'plugins', 'userAgentData', 'getBattery', 'languages'])
        spy(Navigator.prototype, key);
      spy(HTMLCanvasElement.prototype, 'toDataURL');
      spy(Screen.prototype, 'colorDepth');
    });
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    await visitTents(page);
    await call(page, 'flush');
    const own = new Set([
      '/shop.html',
      '/product.html',
      '/dist/inkling.js',
      '/dist/inkling-track.js',
      '/dist/inkling.worker.js',
    ]);
    // The worker's lazy TF.js chunk (it arrives when there is something to learn) is also the SDK's own file.
    const ownFile = (url: URL) =>
      url.origin === session.server.url &&
      (own.has(url.pathname) || /^\/dist\/chunks\/tf-model-[\w-]+\.js$/.test(url.pathname));
    expect(log.requests.map((url) => new URL(url)).filter((url) => !ownFile(url))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { touched: string[] }).touched)).toEqual([]);
    // The worker is out of the init script's reach: check the SDK's own code, and the tag's whole bundle
    // (the worker bundle holds TF.js, whose unused model loaders mention fetch; the request log above covers it).
    const surfaces =
      /\.estimate\(|hardwareConcurrency|deviceMemory|getBattery|userAgentData|toDataURL|sendBeacon|\bfetch\(|XMLHttpRequest|WebSocket/;
    const sources = [
      'dist/inkling.js',
      'dist/inkling-track.js',
      ...sourceFiles('common'),
      ...sourceFiles('src'),
      ...sourceFiles('worker'),
    ];
    expect(sources.filter((file) => surfaces.test(readFileSync(file, 'utf8')))).toEqual([]);
    await context.close();
  });

  it('off (consent denied): original order, no events, no database, no worker', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.addInitScript(
      () => ((window as unknown as { InklingConfig: object }).InklingConfig = { consent: 'denied' }),
    );
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    await visitTents(page);
    expect(await modeOf(page)).toBe('off');
    expect(await gridOrder(page)).toEqual(ORIGINAL);
    expect(await page.getAttribute('#grid', 'data-inkling-state')).toBe('original');
    await page.waitForTimeout(1500); // long enough for impressions to have counted, had they been on
    expect(await databases(page)).toEqual([]);
    expect(log.requests.some((url) => url.includes('inkling.worker.js'))).toBe(false);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key !== 'inkling:consent'))).toEqual([]);
    await context.close();
  });

  it('session (Global Privacy Control): learns across the pages of one tab, persists nothing, forgets with the tab', async () => {
    const context = await session.browser.newContext();
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    const { page } = await openPage(context);
    await page.goto(`${session.server.url}/shop.html`);
    await settled(page);
    expect(await modeOf(page)).toBe('session');
    await visitTents(page);
    await page.reload();
    await settled(page);
    // The shop page is not "returning" in session mode, so it ranks only off-screen: read the engine's order.
    const ranked = await page.evaluate(async () => {
      const items = [...document.querySelectorAll('#grid > li')].map((li) => ({
        id: li.getAttribute('data-inkling-item')!,
        category: li.getAttribute('data-inkling-category')!,
      }));
      const inkling = (
        window as unknown as {
          Inkling: { rank(items: unknown[], options: object): Promise<{ items: { item: { id: string } }[] }> };
        }
      ).Inkling;
      return (await inkling.rank(items, { slot: 'grid' })).items.map((entry) => entry.item.id);
    });
    expect(ranked.slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);
    expect(
      (await exportedEvents(page))
        .filter((e) => e.type === 'view')
        .map((e) => e.itemId)
        .sort(),
    ).toEqual(['t2', 't3']);
    expect(await databases(page)).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

    const otherTab = await context.newPage();
    await otherTab.goto(`${session.server.url}/shop.html`);
    await inklingReady(otherTab);
    expect(await exportedEvents(otherTab)).toEqual([]);
    await context.close();
  });

  it('setConsent() reaches every open tab at once and governs the first event of the next page', async () => {
    const context = await session.browser.newContext();
    const { page: tabA } = await openPage(context);
    const { page: tabB } = await openPage(context);
    await tabA.goto(`${session.server.url}/shop.html`);
    await tabB.goto(`${session.server.url}/product.html?id=t1`);
    await Promise.all([inklingReady(tabA), inklingReady(tabB)]);
    expect(await modeOf(tabB)).toBe('full');
    await call(tabA, 'setConsent', 'denied');
    await tabB.waitForFunction(() => (window as unknown as { Inkling: { mode: string } }).Inkling.mode === 'off');
    await tabB.click('#buy');

    // The next page: an event tracked by the page's first script, before any consent call, is dropped.
    await tabB.addInitScript(() => {
      (window as unknown as { Inkling: { q: unknown[][] } }).Inkling = {
        q: [['track', { type: 'click', itemId: 'early' }]],
      };
    });
    await tabB.goto(`${session.server.url}/product.html?id=t2`);
    await inklingReady(tabB);
    expect(await modeOf(tabB)).toBe('off');
    await call(tabA, 'setConsent', 'granted');
    await tabB.waitForFunction(() => (window as unknown as { Inkling: { mode: string } }).Inkling.mode === 'full');
    await call(tabB, 'track', { type: 'click', itemId: 'late' });
    await call(tabB, 'flush');
    // Tab A's own impressions may have counted before the denial (1 s in view on a slow machine): they
    // were recorded while consent allowed it. Of the actions, only the one after the grant is kept.
    expect((await exportedEvents(tabA)).filter((e) => e.type !== 'impression').map((e) => e.itemId)).toEqual(['late']);
    await context.close();
  });

  it("forget() in one tab erases the database, the model and the other tabs' buffers", async () => {
    const context = await session.browser.newContext();
    const { page: tabA } = await openPage(context);
    const { page: tabB } = await openPage(context);
    // Product pages: no grid whose impressions would arrive after the forget() under test.
    await tabA.goto(`${session.server.url}/product.html?id=t1`);
    await tabB.goto(`${session.server.url}/product.html?id=t2`);
    await Promise.all([inklingReady(tabA), inklingReady(tabB)]);
    await call(tabA, 'track', { type: 'click', itemId: 't1', item: { category: 'tents' } });
    await call(tabA, 'flush');
    // Tab B has an event still queued in its batcher (not yet flushed) when the visitor asks to be forgotten.
    await call(tabB, 'track', { type: 'click', itemId: 't2', item: { category: 'tents' } });
    expect((await exportedEvents(tabA)).length).toBeGreaterThan(0);
    await call(tabB, 'track', { type: 'click', itemId: 't3', item: { category: 'tents' } });
    await call(tabA, 'forget');
    await tabB.waitForTimeout(300);
    expect(await exportedEvents(tabB)).toEqual([]);
    expect(await exportedEvents(tabA)).toEqual([]);
    const exported = (await call(tabB, 'export')) as {
      profile: { categories: object };
      model: { weights: Record<string, number[]> };
    };
    expect(exported.profile.categories).toEqual({});
    expect(await tabB.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('inkling:')))).toEqual(
      [],
    );
    await context.close();
  });
});
