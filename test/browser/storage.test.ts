import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, serveAndLaunch } from './browser.js';
import { call, exportedEvents, inklingReady } from './inkling-page.js';

const session = serveAndLaunch('test/pages');

/** Tracks `count` clicks through the public API in bursts, as a busy page would, then flushes. */
const trackBurst = (page: Page, count: number, padding = 0) =>
  page.evaluate(
    async ([total, pad]) => {
      const inkling = (window as unknown as { Inkling: { track(e: object): void; flush(): Promise<void> } }).Inkling;
      // Random text: Chromium compresses IndexedDB values, and a repeated character would take no room.
      // In tags of 250 characters: track() keeps at most 256 per string.
      const randomText = (length: number) =>
        Array.from({ length }, () => Math.random().toString(36).charAt(2)).join('');
      for (let i = 0; i < total; i++) {
        inkling.track({
          type: 'click',
          itemId: `item-${i % 50}`,
          ...(pad
            ? { item: { tags: [...Array.from({ length: Math.ceil(pad / 250) }, () => randomText(250)), String(i)] } }
            : {}),
        });
        if (i % 250 === 249) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await inkling.flush();
    },
    [count, padding] as const,
  );

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

  it('starts from a checkpoint and ranks exactly as a start that reads every event', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    const url = `${session.server.url}/confirm.html`;
    const categories = ['tents', 'shoes', 'jackets', 'hats', 'bags'];
    /** `count` impressions and clicks of items of every category, the clicks leaning to one. */
    const track = (count: number, from: number, lean: string) =>
      page.evaluate(
        async ([total, start, leaning, names]) => {
          const inkling = (window as unknown as { Inkling: { track(e: object): void; flush(): Promise<void> } })
            .Inkling;
          for (let i = start; i < start + total; i++) {
            const category = i % 3 === 0 ? leaning : names[i % names.length]!;
            inkling.track({
              type: i % 4 === 0 ? 'click' : 'impression',
              itemId: `item-${i % 120}`,
              pageViewId: `pv-${Math.floor(i / 40)}`,
              item: { category, price: 10 + (i % 90) },
            });
          }
          await inkling.flush();
          // export() answers once training on these events has saved its weights: no write lands later.
          await (inkling as unknown as { export(): Promise<unknown> }).export();
        },
        [count, from, lean, categories] as const,
      );
    // One moment for both rankings: recency features change by the second.
    const rankedAt = Date.now() + 60_000;
    const ranked = async () => {
      const items = Array.from({ length: 60 }, (_, i) => ({
        id: `item-${i * 2}`,
        category: categories[i % categories.length],
        price: 10 + i,
      }));
      const ranking = (await call(page, 'rank', items, { slot: 'grid', context: { time: rankedAt } })) as {
        items: { item: { id: string }; score: number }[];
      };
      return ranking.items.map((entry) => [entry.item.id, entry.score]);
    };
    /** The checkpoint as stored, after deleting it first when `drop`. */
    const checkpoint = (drop = false) =>
      page.evaluate(
        (deleting) =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('inkling');
            open.onsuccess = () => {
              const store = open.result.transaction('values', 'readwrite').objectStore('values');
              if (deleting) store.delete('checkpoint');
              const request = store.get('checkpoint');
              request.onsuccess = () => (open.result.close(), resolve(request.result));
            };
          }),
        drop,
      );
    const nextPageView = async () => {
      await page.goto(url);
      await inklingReady(page);
    };

    await nextPageView();
    await track(1500, 0, 'tents');
    await nextPageView(); // reads 1,500 events and saves a checkpoint after its first call
    await expect.poll(() => checkpoint(), { timeout: 10_000 }).toBeDefined();
    await track(300, 1500, 'hats');
    await nextPageView(); // the checkpoint and the 300 events after it
    const resumed = await ranked();
    await checkpoint(true);
    await nextPageView(); // every event
    expect(await ranked()).toEqual(resumed);
    expect(new Set(resumed.map(([, score]) => score)).size).toBeGreaterThan(10); // the history shaped the scores
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
