import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, serveAndLaunch } from './browser.js';
import { exportedEvents, inklingReady } from './inkling-page.js';
import { attachToWorker, countPendingCalls, domNodesAfterGc, tensorCount } from './worker-cdp.js';

/**
 * Long visits in one tab. The clock is simulated: every event and ranking carries its own time, a page
 * view every `STEP_MS`, so 30 minutes of browsing take seconds while the worker, the tracker and the DOM
 * do the real work of each page view.
 */
const session = serveAndLaunch('test/pages');
const MINUTE = 60_000;

type Api = {
  track(event: object): void;
  flush(): Promise<void>;
  rank(items: object[], options: object): Promise<{ items: { item: { id: string } }[]; fallback?: unknown }>;
};

/**
 * `count` single-page-app page views from simulated time `from`, `stepMs` apart: a route change, a list of
 * 24 items rendered (replacing the last), ranked, impressions of the top 8, a click, now and then a
 * product view, a cart and a purchase. Returns how many rankings fell back.
 */
function pageViews(page: Page, from: number, count: number, start: number, stepMs: number): Promise<number> {
  return page.evaluate(
    async ([first, total, t0, step]) => {
      const inkling = (window as unknown as { Inkling: Api }).Inkling;
      const render = (window as unknown as { addItem(list: Element, id: string): void }).addItem;
      let fallbacks = 0;
      for (let n = first; n < first + total; n++) {
        const time = t0 + n * step;
        history.pushState({}, '', `#pv-${n}`);
        const ids = Array.from({ length: 24 }, (_, k) => `p${(n * 7 + k * 13) % 300}`);
        const list = document.createElement('ul');
        list.setAttribute('data-inkling-slot', 'list');
        for (const id of ids) render(list, id);
        document.getElementById('app')!.replaceChildren(list);
        const items = ids.map((id, k) => ({ id, category: `c${k % 6}`, price: 10 + k }));
        const ranking = await inkling.rank(items, { slot: 'list', context: { time } });
        if (ranking.fallback) fallbacks += 1;
        const top = ranking.items.slice(0, 8).map((entry) => entry.item.id);
        top.forEach((itemId, index) =>
          inkling.track({
            type: 'impression',
            itemId,
            itemListId: 'list',
            index,
            time,
            item: { category: `c${index % 6}` },
          }),
        );
        inkling.track({ type: 'click', itemId: top[n % 8]!, itemListId: 'list', index: n % 8, time: time + 2000 });
        if (n % 5 === 0) inkling.track({ type: 'view', itemId: top[0]!, time: time + 3000, dwellMs: 4000 });
        if (n % 10 === 0) inkling.track({ type: 'add_to_cart', itemId: top[1]!, time: time + 5000, value: 20 });
        if (n % 30 === 0)
          inkling.track({ type: 'purchase', itemId: top[1]!, orderId: `o-${n}`, time: time + 6000, value: 20 });
        await inkling.flush();
      }
      return fallbacks;
    },
    [from, count, start, stepMs] as const,
  );
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('soak in Chromium', () => {
  // The soak's samples, one per ninth of the visit; the DOM's are asserted in a test of their own.
  const samples: { heap: number; nodes: number; pending: number; tensors: number }[] = [];

  it('30 simulated minutes of page views: worker heap, pending calls and tensors stay flat', async () => {
    const context = await session.browser.newContext();
    await context.addInitScript(countPendingCalls);
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/spa.html`);
    await inklingReady(page);
    await page.waitForSelector('#list');
    const worker = await attachToWorker(session.browser, page);
    const cdp = await context.newCDPSession(page);
    const STEP_MS = 10_000;
    const VIEWS = (30 * MINUTE) / STEP_MS;
    const SAMPLES = 9;
    const start = Date.now() - 30 * MINUTE;
    let fallbacks = 0;
    for (let s = 0; s < SAMPLES; s++) {
      fallbacks += await pageViews(page, (s * VIEWS) / SAMPLES, VIEWS / SAMPLES, start, STEP_MS);
      // export() answers after the worker's background work (training, checkpoints): a quiet moment to measure.
      await exportedEvents(page);
      samples.push({
        heap: await worker.heapAfterGc(),
        nodes: await domNodesAfterGc(cdp),
        pending: await page.evaluate(() => (window as unknown as { __pendingCalls(): number }).__pendingCalls()),
        tensors: await tensorCount(page),
      });
    }
    console.log(
      `soak: ${VIEWS} page views; per ninth: ${samples.map((x) => `heap ${(x.heap / 1e6).toFixed(2)} MB, ${x.nodes} nodes, ${x.pending} pending, ${x.tensors} tensors`).join(' | ')}`,
    );
    const third = SAMPLES / 3;
    const first = samples.slice(0, third);
    const last = samples.slice(-third);
    // The state grows with the events it holds (about 2,900 here, far under the cap): a little, not per page view.
    expect(median(last.map((x) => x.heap))).toBeLessThan(median(first.map((x) => x.heap)) * 1.5 + 1e6);
    expect(samples.every((x) => x.pending === 0)).toBe(true);
    // TF.js loaded (training ran) and every rank and step gave its tensors back: the count never moved.
    expect(samples[0]!.tensors).toBeGreaterThan(0);
    expect(new Set(samples.map((x) => x.tensors)).size).toBe(1);
    expect(fallbacks).toBe(0);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await worker.detach();
    await context.close();
  });

  it('the same 30 minutes: DOM nodes stay flat (each page view replaces the list)', () => {
    expect(samples).toHaveLength(9);
    const peak = (part: typeof samples) => Math.max(...part.map((x) => x.nodes));
    expect(peak(samples.slice(-3))).toBeLessThanOrEqual(peak(samples.slice(0, 3)) + 50);
  });

  it('a track() loop far past the event cap: stored events stay under it, purchases kept, worker heap bounded', async () => {
    const CAP = 5000;
    const context = await session.browser.newContext();
    await context.addInitScript(
      (cap) => ((window as unknown as { InklingConfig: object }).InklingConfig = { maxEvents: cap }),
      CAP,
    );
    const { page, log } = await openPage(context);
    await page.goto(`${session.server.url}/confirm.html`);
    await inklingReady(page);
    const worker = await attachToWorker(session.browser, page);
    /** `count` events from `from` on, as a runaway loop would send them: mostly impressions, a purchase every 500th. */
    const loop = (from: number, count: number) =>
      page.evaluate(
        async ([first, total]) => {
          const inkling = (window as unknown as { Inkling: Api }).Inkling;
          for (let i = first; i < first + total; i++) {
            const type = i % 500 === 0 ? 'purchase' : i % 10 === 0 ? 'click' : 'impression';
            inkling.track({
              type,
              itemId: `loop-${i % 2000}`,
              orderId: type === 'purchase' ? `o${i}` : undefined,
              item: { category: `c${i % 9}` },
            });
            if (i % 1000 === 999) await new Promise((resolve) => setTimeout(resolve, 0));
          }
          await inkling.flush();
        },
        [from, count] as const,
      );
    const heaps: number[] = [];
    const TOTAL = 60_000;
    for (let from = 0; from < TOTAL; from += 10_000) {
      await loop(from, 10_000);
      await exportedEvents(page);
      heaps.push(await worker.heapAfterGc());
    }
    const events = await exportedEvents(page);
    const purchases = events.filter((event) => event.type === 'purchase' && event.itemId.startsWith('loop-'));
    console.log(
      `event cap: ${TOTAL} tracked, ${events.length} kept; worker heap per 10,000: ${heaps.map((h) => (h / 1e6).toFixed(2)).join(', ')} MB`,
    );
    expect(events.length).toBeLessThanOrEqual(CAP);
    expect(purchases).toHaveLength(TOTAL / 500);
    // Once the cap is reached (after the first 10,000) the heap stops growing with the events tracked.
    expect(Math.max(...heaps.slice(1))).toBeLessThan(heaps[1]! * 1.3 + 1e6);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await worker.detach();
    await context.close();
  });
});
