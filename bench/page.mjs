// Page bench, in Debian Chromium with the built SDK (run `npm run build` first):
//   node bench/page.mjs [--views 12] [--throttled-views 5] [--check] [--write-docs] [--keep-order]
//                       [--long-history [--no-checkpoint]] [--variants with,by-hand,...]
// (--views: measured views per variant at 1x (--loads is the old name); --throttled-views: the same under
// CDP CPU throttling 4x, 0 to skip; --check: exit 1 when over budget at 1x; --write-docs: the tables into
// docs/performance.md between its bench:page markers; --keep-order: a recipe with `holdout: 1`, ranked,
// revealed and tracked but never moved; --long-history: the visitor also has 34,489 stored events
// (bench/speed/fixture-json.mjs); --no-checkpoint: the engine's checkpoint is deleted before each view;
// --variants: only these besides the bare page, the floor and Inkling (bench/page/variants.mjs names),
// for a quicker look.)
//
// A returning visitor's page view: 100 items in one slot. In one Chromium run (persistent profile: HTTP
// cache and V8's code cache as a returning visitor has them), in turn, the same page byte for byte except
// for what runs on it (bench/page/variants.mjs): nothing (bare), the same reorder written by hand (the
// floor: hide, fewest moves at the moment Inkling's order arrives, reveal), the same plus the 100 viewable
// impressions handed to a worker that stores them in IndexedDB (the floor + impressions: what any SDK that
// tracks impressions must do beyond the reorder), Inkling's documented snippet
// (ranked, reordered, 100 impressions tracked), and each analytics peer (bench/page/peers.mjs) once with
// a page view only and once sending the same 100 impressions, its API answered by the local server. Every
// request to anything but the local server is blocked and counted.
// Per view: the CPU (trace `tdur`) of every task of the page's renderer main thread, from before
// navigation to the end of a window after `load` in which everything was tracked and sent; the CPU of the
// tasks that ran the variant's own scripts (Lighthouse's attribution); long tasks; DOMContentLoaded to the
// slot personalized. Printed as paired medians over the bare page, and as ratios to the floor and Inkling.
// Budgets (DESIGN.md), at 1x: Inkling over the bare page at most 1.5x the floor, at most 1/10 of the
// lightest peer sending the same impressions and below that peer's page-view-only cost; its own script
// tasks at most 2x the floor's; no long task.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { BY_HAND_WORKER, byHandScript, byHandTrackedScript, inklingTag, itemIds, pageHtml } from './page/pages.mjs';
import { peerHead } from './page/peers.mjs';
import { launchBenchContext, teachTaste } from './page/browser.mjs';
import { startBenchServer } from './page/server.mjs';
import { report, verdict } from './page/report.mjs';
import { breakdown, mainThreadTasks } from './page/trace.mjs';
import { VARIANTS as ALL_VARIANTS } from './page/variants.mjs';
import { loadLongHistoryJson } from './speed/fixture-json.mjs';
import { writeBenchSection } from '../scripts/bench-docs.mjs';

const flag = { type: 'boolean', default: false };
const { values } = parseArgs({
  options: {
    views: { type: 'string' },
    loads: { type: 'string' },
    'throttled-views': { type: 'string', default: '5' },
    check: flag,
    'write-docs': flag,
    'keep-order': flag,
    'long-history': flag,
    'no-checkpoint': flag,
    variants: { type: 'string' },
  },
});
// The bare page, the floor and Inkling always run: every figure is a ratio to them.
const ALWAYS = ['without', 'by-hand', 'with'];
const chosen = values.variants?.split(',').filter((name) => !ALWAYS.includes(name));
const VARIANTS = ALL_VARIANTS.filter(
  (variant) => !chosen || ALWAYS.includes(variant.name) || chosen.includes(variant.name),
);
if (chosen && VARIANTS.length !== chosen.length + ALWAYS.length)
  throw new Error(`--variants: names among ${ALL_VARIANTS.map((variant) => variant.name)}`);
const VIEWS = Number(values.views ?? values.loads ?? 12);
const THROTTLED_VIEWS = Number(values['throttled-views']);
const THROTTLE_RATE = 4;
const ITEMS = 100;
const RANK_BUDGET_MS = 2000;
// Impressions need 1 s in view once the slot is ranked, then Inkling's batcher waits 250 ms: each view
// lasts this long after `load` (times the throttling rate's share of it), and a peer's view also until
// its events reached the server (its batches leave on its own timers), then a short tail.
const WINDOW_MS = 2200;
const SEND_CAP_MS = 6000;
const TAIL_MS = 250;
const repo = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(repo, 'dist/inkling.js'))) throw new Error('dist/ is missing: run `npm run build` first');

const dir = mkdtempSync(join(tmpdir(), 'inkling-page-bench-'));
// A rank budget long enough for this shared machine, so that every view takes the personalized path
// (the work measured) and the time to it is measured rather than cut at the default 150 ms.
const inklingHead = inklingTag({ rankBudgetMs: RANK_BUDGET_MS, keepOrder: values['keep-order'] });
for (const variant of VARIANTS) {
  if (variant.name.startsWith('by-hand')) continue; // written once Inkling's order is known
  const head = variant.name === 'with' ? inklingHead : variant.peer ? peerHead(variant.peer) : '';
  writeFileSync(join(dir, `${variant.name}.html`), pageHtml({ items: ITEMS, head }));
}
const server = await startBenchServer(dir);
// Nothing leaves the machine: the peers' other hosts (remote config, diagnostics) are refused and counted.
const blocked = new Map();
const browser = await launchBenchContext('inkling-page-bench-profile-', (url) => {
  const host = new URL(url).hostname;
  blocked.set(host, (blocked.get(host) ?? 0) + 1);
});
const { context } = browser;
// Every item in view (12 x 9 rows of ~100 px), so that all 100 count an impression.
await context.addInitScript(() => {
  const record = (window.__bench = { longTasks: [], personalizedAt: undefined, state: undefined });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const state = document.querySelector('[data-inkling-slot]')?.getAttribute('data-inkling-state');
    if (state && record.state === undefined) {
      record.state = state;
      record.personalizedAt = performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-inkling-state'] });
});

/** The first visit: teach a taste (clicks on tents) so that every measured load is a returning visit. */
async function firstVisit() {
  const page = await context.newPage();
  await teachTaste(page, server.url);
  if (values['long-history']) {
    await page.evaluate(
      async (events) => {
        for (const event of events) window.Inkling.track(event);
        await window.Inkling.flush();
        await window.Inkling.export(); // answers once the training on them is done
      },
      loadLongHistoryJson(Date.now() - 60_000),
    );
  }
  await page.close();
}

/** Deletes the engine's checkpoint from a page of the origin without the SDK (`--no-checkpoint`). */
async function dropCheckpoint() {
  const page = await context.newPage();
  await page.goto(`${server.url}/without.html`);
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('inkling');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('values', 'readwrite');
          tx.objectStore('values').delete('checkpoint');
          tx.oncomplete = () => (open.result.close(), resolve());
        };
      }),
  );
  await page.close();
}

const sum = (list, key) => list.reduce((total, entry) => total + entry[key], 0);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const TRACE_CATEGORIES = [
  'toplevel',
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'blink.user_timing',
];

/** Waits (in Node, never touching the page) until a peer's events of this view reached the server. */
async function untilSent(variant, since) {
  const sent = () =>
    variant.peer.impressions ? (server.events.get('impression') ?? 0) >= ITEMS : server.events.size > 0;
  while (!sent() && performance.now() - since < SEND_CAP_MS) await sleep(50);
  await sleep(TAIL_MS);
}

/** One page view of `variant` in a fresh tab, CPU throttled `rate` times: main-thread metrics. */
async function pageView(variant, rate) {
  if (variant.name === 'with' && values['no-checkpoint']) await dropCheckpoint();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const url = `${server.url}/${variant.name}.html`;
  const traceEvents = [];
  cdp.on('Tracing.dataCollected', (event) => traceEvents.push(...event.value));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  });
  server.events.clear();
  await page.goto(url);
  const loaded = performance.now();
  // Nothing runs in the page meanwhile: polling it would cost its main thread, more for later pages.
  await sleep(WINDOW_MS * (1 + (rate - 1) / 2));
  if (variant.peer) await untilSent(variant, loaded);
  const received = {
    impressions: server.events.get('impression') ?? 0,
    all: [...server.events.values()].reduce((a, b) => a + b, 0),
  };
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await traced;
  const tasks = mainThreadTasks(traceEvents, url);
  const ownTasks = tasks.filter((task) => task.scripts.some((script) => variant.owns(script)));
  const storedBy = { with: inklingImpressions, 'by-hand-tracked': byHandImpressions }[variant.name];
  const inPage = await page.evaluate(() => ({
    ...window.__bench,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
  }));
  // Outside the measured window: how many of this view's items were stored.
  const impressions = storedBy ? await page.evaluate(storedBy) : received.impressions;
  await page.close();
  return {
    cpuMs: sum(tasks, 'cpuMs'),
    ownCpuMs: sum(ownTasks, 'scriptCpuMs'),
    ownCompileMs: sum(ownTasks, 'compileMs'),
    ownByKind: ownTasks.reduce((groups, task) => ((groups[task.kind] ??= []).push(task), groups), {}),
    longTasks: inPage.longTasks,
    // On a shared machine a task may last 50 ms of wall time while computing far less: its CPU says which.
    maxTaskCpuMs: Math.max(0, ...tasks.map((task) => task.cpuMs)),
    state: inPage.state,
    dclToSlotMs: inPage.personalizedAt === undefined ? undefined : inPage.personalizedAt - inPage.dcl,
    impressions,
    sent: received.all,
    work: breakdown(traceEvents, url),
  };
}

/** In the page: how many impressions of this view Inkling stored. */
async function inklingImpressions() {
  const { events } = await window.Inkling.export();
  const lastView = events.filter((e) => e.type === 'impression').at(-1)?.pageViewId;
  return events.filter((e) => e.type === 'impression' && e.pageViewId === lastView).length;
}

/** In the page: how many impressions of this view the floor + impressions stored. */
function byHandImpressions() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('by-hand', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('events').objectStore('events').getAll();
      read.onsuccess = () => {
        open.result.close();
        resolve(read.result.filter((event) => event.pageViewId === window.benchPageViewId).length);
      };
    };
  });
}

/**
 * The order and the moment Inkling personalizes the slot for this visitor, from one page view, for
 * the hand-written baseline. Later views may order a few tiles differently (their impressions teach the
 * model a little); what the baseline needs is a reorder of the same size at the same moment.
 */
async function inklingsOrder() {
  const page = await context.newPage();
  await page.goto(`${server.url}/with.html`);
  await page.waitForFunction(() => document.querySelector('[data-inkling-slot]')?.hasAttribute('data-inkling-state'));
  const seen = await page.evaluate(() => ({
    order: [...document.querySelectorAll('[data-inkling-slot] > [data-inkling-item]')].map((tile) =>
      tile.getAttribute('data-inkling-item'),
    ),
    delayMs: window.__bench.personalizedAt - performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
  }));
  await page.close();
  return seen;
}

/** `views` measured views of every variant after `warmUps`, interleaved, each variant first in turn. */
async function phase(rate, views, warmUps) {
  const runs = Object.fromEntries(VARIANTS.map((variant) => [variant.name, []]));
  for (let i = 0; i < warmUps + views; i++) {
    const measured = {};
    for (let k = 0; k < VARIANTS.length; k++) {
      const variant = VARIANTS[(i + k) % VARIANTS.length];
      measured[variant.name] = await pageView(variant, rate);
    }
    if (i >= warmUps) for (const variant of VARIANTS) runs[variant.name].push(measured[variant.name]);
  }
  return runs;
}

await firstVisit();
const { order, delayMs } = await inklingsOrder();
const moment = { original: itemIds(ITEMS), order, delayMs };
writeFileSync(join(dir, 'by-hand.html'), pageHtml({ items: ITEMS, head: byHandScript(moment) }));
writeFileSync(join(dir, 'by-hand-tracked.html'), pageHtml({ items: ITEMS, head: byHandTrackedScript(moment) }));
writeFileSync(join(dir, 'by-hand-worker.js'), BY_HAND_WORKER);
const started = performance.now();
const normal = await phase(1, VIEWS, 2);
const throttled = THROTTLED_VIEWS > 0 ? await phase(THROTTLE_RATE, THROTTLED_VIEWS, 1) : undefined;
const minutes = (performance.now() - started) / 60_000;
const version = (await (await context.newCDPSession(await context.newPage())).send('Browser.getVersion')).product;
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });

const setting = {
  items: ITEMS,
  order,
  delayMs,
  rankBudgetMs: 150,
  keepOrder: values['keep-order'],
  history: values['long-history'] ? (values['no-checkpoint'] ? 'long, no checkpoint' : 'long') : undefined,
};
const lines = [
  `page bench (\`node bench/page.mjs\`), ${new Date().toISOString().slice(0, 16)} UTC, ${version},` +
    ` ${minutes.toFixed(1)} min; requests blocked (not localhost):` +
    ` ${blocked.size ? [...blocked].map(([host, n]) => `${host} ${n}`).join(', ') : 'none'}`,
  '',
  ...report(normal, { ...setting, rate: 1, views: VIEWS }),
  ...(throttled ? ['', ...report(throttled, { ...setting, rate: THROTTLE_RATE, views: THROTTLED_VIEWS })] : []),
];
const { ok, lines: budgetLines } = verdict(normal);
lines.push('', ...budgetLines);
console.log(lines.join('\n'));
if (values['write-docs'])
  writeBenchSection('page', lines.join('\n'), 'npm run build && node bench/page.mjs --write-docs');
if (values.check) process.exitCode = ok ? 0 : 1;
