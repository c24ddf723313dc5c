import { describe, expect, it } from 'vitest';
import { openPage, serveAndLaunch, settledState } from './browser.js';
import { fixtureDir, shopPage, writeSite } from './fixtures.js';
import { exportedEvents, inklingReady } from './inkling-page.js';

// Issue 20's "nothing lost" breaks, in real Chromium against the built tag.
const dir = fixtureDir('reliability');
const TAG = '<script src="/dist/inkling.js" async></script>';
writeSite(dir, {
  'shop.html': shopPage({ head: TAG }),
});
const session = serveAndLaunch(dir);

describe('single-page app re-renders', () => {
  it('keep the DOM node count flat over 1,000 renders of 100 new items (CDP Memory.getDOMCounters after GC)', async () => {
    const context = await session.browser.newContext();
    const { page } = await openPage(context);
    await page.goto(`${session.server.url}/shop.html`);
    await inklingReady(page);
    await settledState(page);
    // The tracking module is loaded once the slot's items are being watched.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('inkling-track.js')));
    const render = (times: number) =>
      page.evaluate(async (count) => {
        const grid = document.querySelector('#grid')!;
        for (let render = 0; render < count; render++) {
          const items = Array.from({ length: 100 }, (_, i) => {
            const li = document.createElement('li');
            li.setAttribute('data-inkling-item', `r${render}-${i}`);
            li.textContent = `item ${i}`;
            return li;
          });
          grid.replaceChildren(...items);
          // The framework's next render comes after the observers had their turn.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }, times);
    const cdp = await context.newCDPSession(page);
    const nodes = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Memory.getDOMCounters')) as { nodes: number }).nodes;
    };
    await render(20);
    const before = await nodes();
    await render(1000);
    const after = await nodes();
    // One render's worth of slack (200 nodes); a leak keeps 200 nodes per render.
    expect(after - before).toBeLessThan(200);
    await context.close();
  }, 120_000);
});

describe('track() with data the worker cannot receive', () => {
  it('one event carrying a function blocks no later event', async () => {
    const context = await session.browser.newContext();
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/shop.html`);
    await inklingReady(page);
    await page.evaluate(async () => {
      const inkling = (window as unknown as { Inkling: { track(input: unknown): void; flush(): Promise<void> } }).Inkling;
      inkling.track({ type: 'click', itemId: 'p1', item: { id: 'p1', addToCart() {} } });
      await inkling.flush();
      inkling.track({ type: 'click', itemId: 'g1', item: { category: 'tents', tags: { trail: true } } });
      inkling.track({ type: 'click', itemId: 'g2' });
      await inkling.flush();
    });
    const ids = (await exportedEvents(page)).map((event) => event.itemId);
    expect(ids).toEqual(expect.arrayContaining(['p1', 'g1', 'g2']));
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});

/** The real worker, which closes itself when asked to rank: every call after that goes unanswered. */
const CLOSING_WORKER = `self.addEventListener('message', (event) => {
  if (event.data && event.data.path && event.data.path[0] === 'rank') self.close();
});
await import('/dist/inkling.worker.js?real');`;

describe('a worker that stops answering', () => {
  it('rank(), flush() and export() settle; the worker is replaced and later calls work', async () => {
    const context = await session.browser.newContext();
    let served = 0;
    await context.route('**/dist/inkling.worker.js', (route) =>
      served++ === 0 ? route.fulfill({ contentType: 'text/javascript', body: CLOSING_WORKER }) : route.continue(),
    );
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/shop.html`);
    await inklingReady(page);
    const results = await page.evaluate(async () => {
      type Api = { rank(items: unknown[], options: unknown): Promise<{ fallback?: boolean; items: { item: { id: string } }[] }>; track(input: unknown): void; flush(): Promise<void>; export(): Promise<{ events: unknown[] }> };
      const inkling = (window as unknown as { Inkling: Api }).Inkling;
      const items = [{ id: 'a' }, { id: 'b' }];
      inkling.track({ type: 'click', itemId: 'a' });
      const first = await Promise.all([inkling.rank(items, { slot: 'probe' }), inkling.flush(), inkling.export()]);
      const later = await inkling.rank(items, { slot: 'probe' });
      const exported = await inkling.export();
      return { first: first[0], later, events: exported.events.length };
    });
    expect(results.first).toMatchObject({ fallback: true, items: [{ item: { id: 'a' } }, { item: { id: 'b' } }] });
    expect(results.later.fallback).toBeUndefined();
    expect(results.events).toBeGreaterThan(0);
    expect(served).toBe(2);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
