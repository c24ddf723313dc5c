import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, serveAndLaunch } from './browser.js';
import { call, exportedEvents, inklingReady } from './inkling-page.js';

const session = serveAndLaunch('test/pages');

/** Tracks `count` clicks through the public API in bursts, as a busy page would, then flushes. */
const trackBurst = (page: Page, count: number, padding = 0) =>
  page.evaluate(async ([total, pad]) => {
    const inkling = (window as unknown as { Inkling: { track(e: object): void; flush(): Promise<void> } }).Inkling;
    // Random text: Chromium compresses IndexedDB values, and a repeated character would take no room.
    const randomText = (length: number) => Array.from({ length }, () => Math.random().toString(36).charAt(2)).join('');
    for (let i = 0; i < total; i++) {
      inkling.track({ type: 'click', itemId: `item-${i % 50}`, ...(pad ? { item: { tags: [randomText(pad), String(i)] } } : {}) });
      if (i % 250 === 249) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await inkling.flush();
  }, [count, padding] as const);

describe('storage in Chromium', () => {
  it('keeps exactly 5,000 events sent from two tabs at once', async () => {
    const context = await session.browser.newContext();
    const { page: tabA } = await openPage(context);
    const { page: tabB } = await openPage(context);
    await tabA.goto(`${session.server.url}/confirm.html?tab=a`);
    await tabB.goto(`${session.server.url}/confirm.html?tab=b`);
    await Promise.all([inklingReady(tabA), inklingReady(tabB)]);
    await Promise.all([trackBurst(tabA, 2500), trackBurst(tabB, 2500)]);
    const events = (await exportedEvents(tabA)).filter((event) => event.type === 'click');
    expect(events).toHaveLength(5000);
    expect(new Set(events.map((event) => event.id)).size).toBe(5000);
    await context.close();
  });

  it('survives real quota exhaustion: evicts the oldest events, keeps the newest, never throws', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    // The quota is set before the origin's database exists: Chromium applies an override to later usage.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: session.server.url, quotaSize: 1024 * 1024 });
    await page.goto(`${session.server.url}/confirm.html`);
    await inklingReady(page);
    // ~3 MB of events against a 1 MB quota.
    for (let round = 0; round < 6; round++) await trackBurst(page, 250, 2000);
    await call(page, 'track', { type: 'click', itemId: 'last-one' });
    await call(page, 'flush');
    const events = await exportedEvents(page);
    expect(events.length).toBeLessThan(6 * 250);
    expect(events.some((event) => event.itemId === 'last-one')).toBe(true);
    expect(log.consoleWarnings.some((line) => /storage was full|kept in memory/.test(line))).toBe(true);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await context.close();
  });

  it('lets another tab upgrade the schema instead of blocking it, and keeps working', async () => {
    const context = await session.browser.newContext();
    const { page: tabA, log } = await openPage(context);
    const { page: tabB } = await openPage(context);
    await tabA.goto(`${session.server.url}/confirm.html`);
    await inklingReady(tabA);
    await call(tabA, 'track', { type: 'click', itemId: 'before' });
    await call(tabA, 'flush');
    // Any page of the origin without the SDK: another app (or a newer SDK) on the same site.
    await tabB.goto(`${session.server.url}/no-sdk-here`);
    const outcome = await tabB.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('inkling', 99);
          request.onblocked = () => resolve('blocked');
          request.onsuccess = () => resolve(`opened v${request.result.version}`);
          request.onerror = () => resolve(`error ${request.error?.name}`);
        }),
    );
    expect(outcome).toBe('opened v99');
    await call(tabA, 'track', { type: 'click', itemId: 'after' });
    await call(tabA, 'flush');
    expect((await exportedEvents(tabA)).map((event) => event.itemId)).toContain('after');
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});
