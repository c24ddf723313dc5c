import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium, openPage, pageHealth, recordPageHealth, settledState, slotOrder } from './browser.js';
import { fixtureDir, ORIGINAL_ORDER, shopPage, teachTents, writeSite } from './fixtures.js';

// The script tag, however a site includes it: async in <head>, defer at the end of <body>, options
// from window.InklingConfig, calls queued before it loaded.
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
const budget = 'data-inkling-rank-budget="5000"'; // generous on a shared CI machine; bench/ measures the default

beforeAll(async () => {
  const dir = fixtureDir('tag');
  writeSite(dir, {
    'async.html': shopPage({ head: `<script src="/dist/inkling.js" async blocking="render" ${budget}></script>` }),
    'async-unblocked.html': shopPage({ head: `<script src="/dist/inkling.js" async ${budget}></script>` }),
    'defer.html': shopPage({ tail: `<script src="/dist/inkling.js" defer ${budget}></script>` }),
    'config.html': shopPage({
      head: `<script src="/config.js"></script><script src="/dist/inkling.js" defer ${budget}></script>`,
    }),
    'override.html': shopPage({
      head: `<script src="/config.js"></script><script src="/dist/inkling.js" defer data-inkling-mode="full" ${budget}></script>`,
    }),
    'queue.html': shopPage({
      head: `<script src="/queue.js"></script><script src="/dist/inkling.js" async ${budget}></script>`,
    }),
    'holdout.html': shopPage({
      head: `<script type="application/json" id="recipes">{"default": {"strategies": [{"use": "personal", "weight": 1}], "holdout": 1}}</script>
        <script src="/dist/inkling.js" async blocking="render" data-inkling-recipes="recipes" ${budget}></script>`,
    }),
  });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${dir}/config.js`, "window.InklingConfig = { mode: 'off' };");
  writeFileSync(
    `${dir}/queue.js`,
    "window.Inkling = { q: [['on', 'ranked', function (e) { (window.__ranked = window.__ranked || []).push(e.slot); }]] };",
  );
  server = await startServer({ root: dir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A returning visitor's second load of `file`: the slot's state and order, and the page's health. */
async function returningVisit(file: string) {
  const context = await browser.newContext();
  const { page, log } = await openPage(context);
  await page.addInitScript(recordPageHealth);
  await page.goto(`${server.url}/${file}`);
  // A first visit: the grid is on screen and was painted, so it keeps its order.
  expect(await settledState(page)).toBe('original');
  await teachTents(page);
  await page.reload();
  const state = await settledState(page);
  const order = await slotOrder(page);
  const health = await pageHealth(page);
  await context.close();
  expect([...order].sort()).toEqual([...ORIGINAL_ORDER].sort());
  expect(health.shifts).toEqual([]);
  expect([...health.errors, ...health.rejections, ...log.pageErrors, ...log.consoleErrors]).toEqual([]);
  return { state, order };
}

describe('the script tag', () => {
  it("personalizes a returning visitor's grid before its first paint when loaded async blocking=render (the snippet)", async () => {
    const { state, order } = await returningVisit('async.html');
    expect(state).toBe('personalized');
    expect(order.slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);
  });

  it('clears its rank-budget and conceal timers once the grid is settled, rather than leaving them to run as tasks', async () => {
    const context = await browser.newContext();
    // Every timer the page sets for 5000 ms (the budget; the worker's start) or 8000 ms (the conceal safety
    // net, 3000 ms more than the budget), and every cleared one.
    await context.addInitScript(() => {
      const record: { set: number[]; cleared: number[] } = { set: [], cleared: [] };
      (window as unknown as { __timers: typeof record }).__timers = record;
      const set = window.setTimeout;
      const clear = window.clearTimeout;
      window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
        const id = set(handler, delay, ...args);
        if (delay === 5000 || delay === 8000) record.set.push(id);
        return id;
      }) as typeof setTimeout;
      window.clearTimeout = ((id?: number) => {
        if (id !== undefined) record.cleared.push(id);
        clear(id);
      }) as typeof clearTimeout;
    });
    const { page } = await openPage(context);
    await page.goto(`${server.url}/async.html`);
    await settledState(page);
    await teachTents(page);
    await page.reload();
    expect(await settledState(page)).toBe('personalized');
    const timers = await page.evaluate(
      () => (window as unknown as { __timers: { set: number[]; cleared: number[] } }).__timers,
    );
    await context.close();
    expect(timers.set.length).toBe(3);
    expect(timers.set.filter((id) => !timers.cleared.includes(id))).toEqual([]);
  });

  it("marks a holdout visitor's grid `holdout`, in its original order, so that the site's analytics can tell the groups apart", async () => {
    const { state, order } = await returningVisit('holdout.html');
    expect(state).toBe('holdout');
    expect(order).toEqual([...ORIGINAL_ORDER]);
  });

  it('keeps an on-screen grid in its original order when loaded defer (it may have been painted), with no layout shift', async () => {
    const { state, order } = await returningVisit('defer.html');
    expect(state).toBe('original');
    expect(order).toEqual([...ORIGINAL_ORDER]);
  });

  it('never shifts the grid when loaded async without blocking=render, whichever wins the race with the parser', async () => {
    const { state, order } = await returningVisit('async-unblocked.html');
    // Tag first: the grid was hidden from its first paint and personalized. Parser first: it keeps its order.
    if (state === 'personalized') expect(order.slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);
    else expect(order).toEqual([...ORIGINAL_ORDER]);
  });

  it('takes options from window.InklingConfig, and its own data- attributes win', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await page.goto(`${server.url}/config.html`);
    expect(await settledState(page)).toBe('original');
    expect(await page.evaluate(() => (window as unknown as { Inkling: { mode: string } }).Inkling.mode)).toBe('off');
    await page.goto(`${server.url}/override.html`);
    await settledState(page);
    expect(await page.evaluate(() => (window as unknown as { Inkling: { mode: string } }).Inkling.mode)).toBe('full');
    await context.close();
  });

  it('replays calls queued on window.Inkling.q before the tag loaded', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await page.goto(`${server.url}/queue.html`);
    await settledState(page);
    expect(await page.evaluate(() => (window as unknown as { __ranked?: string[] }).__ranked)).toEqual(['grid']);
    await context.close();
  });
});
