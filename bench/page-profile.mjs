// Where Inkling's main-thread time goes on the page bench's page (run `npm run build` first):
//   node bench/page-profile.mjs [--views 6] [--variant with] [--top 25] [--no-samples]
// One Chromium run, a returning visitor as in bench/page.mjs. For each view: the variant's own tasks on
// the page's main thread in order (when, from the navigation's start; what started each; its CPU), the
// worker thread's tasks (when the worker started, each message it handled, IndexedDB callbacks), the
// messages each way, and DOMContentLoaded to the slot personalized. Then the functions with the most
// self time on the main thread over all views (V8's sampling profiler, 50 µs; its own cost is left in).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { byHandScript, inklingTag, itemIds, pageHtml } from './page/pages.mjs';
import { launchBenchContext, teachTaste } from './page/browser.mjs';
import { startBenchServer } from './page/server.mjs';
import { mainThreadTasks } from './page/trace.mjs';
import { median } from './page/report.mjs';
import { VARIANTS } from './page/variants.mjs';

const { values } = parseArgs({
  options: {
    views: { type: 'string', default: '6' },
    variant: { type: 'string', default: 'with' },
    top: { type: 'string', default: '25' },
    // Without V8's sampling profiler (it slows the page's scripts): only the timeline.
    'no-samples': { type: 'boolean', default: false },
  },
});
const VIEWS = Number(values.views);
const ITEMS = 100;
const WINDOW_MS = 2200;
const repo = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(repo, 'dist/inkling.js'))) throw new Error('dist/ is missing: run `npm run build` first');
const variant = VARIANTS.find((candidate) => candidate.name === values.variant);
if (!variant || variant.peer) throw new Error('--variant: with, by-hand or without');

const dir = mkdtempSync(join(tmpdir(), 'inkling-page-profile-'));
writeFileSync(join(dir, 'with.html'), pageHtml({ items: ITEMS, head: inklingTag({ rankBudgetMs: 2000 }) }));
writeFileSync(join(dir, 'without.html'), pageHtml({ items: ITEMS, head: '' }));
const server = await startBenchServer(dir);
const browser = await launchBenchContext('inkling-page-profile-profile-');
const { context } = browser;
await context.addInitScript(() => {
  const record = (window.__bench = { personalizedAt: undefined });
  new MutationObserver(() => {
    if (record.personalizedAt === undefined && document.querySelector('[data-inkling-state]'))
      record.personalizedAt = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-inkling-state'] });
});

// The first visit teaches a taste, so that every view below is a returning visitor's.
{
  const page = await context.newPage();
  await teachTaste(page, server.url);
  const { order, delayMs } = await page.evaluate(() => ({
    order: [...document.querySelectorAll('[data-inkling-item]')].map((tile) => tile.getAttribute('data-inkling-item')),
    delayMs: window.__bench.personalizedAt - performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
  }));
  writeFileSync(
    join(dir, 'by-hand.html'),
    pageHtml({ items: ITEMS, head: byHandScript({ original: itemIds(ITEMS), order, delayMs }) }),
  );
  await page.close();
}

const CATEGORIES = [
  'toplevel',
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'blink.user_timing',
  'v8.execute',
];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const selfTime = new Map();
const totalTime = new Map();
const views = [];

for (let i = 0; i < VIEWS + 1; i++) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const url = `${server.url}/${variant.name}.html`;
  const events = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...event.value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  const sampling = !values['no-samples'];
  if (sampling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url);
  await sleep(WINDOW_MS);
  const cpu = sampling ? (await cdp.send('Profiler.stop')).profile : { nodes: [], samples: [], timeDeltas: [] };
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await traced;
  const inPage = await page.evaluate(() => ({
    personalizedAt: window.__bench.personalizedAt,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
  }));
  await page.close();
  if (i === 0) continue; // a warm-up: the code cache is written on the first views
  addSelfTime(cpu);
  views.push(describe(events, url, inPage));
}
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });

for (const [i, view] of views.entries()) {
  console.log(`\n## view ${i + 1}: ${view.summary}`);
  for (const line of view.lines) console.log(line);
}
console.log('\n## per view (median)');
const keys = [...new Set(views.flatMap((view) => Object.keys(view.counts)))];
for (const key of keys) console.log(`- ${key}: ${median(views.map((view) => view.counts[key] ?? 0))}`);
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
console.log(`\n## main thread self time over ${views.length} views (${(total / 1000).toFixed(1)} ms sampled)`);
for (const [name, us] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${(us / 1000 / views.length).toFixed(2).padStart(7)} ms/view  ${name}`);
console.log("\n## main thread total time (with callees) of the SDK's functions");
for (const [name, us] of [...totalTime]
  .filter(([name]) => /inkling/.test(name))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(values.top)))
  console.log(`${(us / 1000 / views.length).toFixed(2).padStart(7)} ms/view  ${name}`);

/** Adds a CPU profile's self and total time per function (name, file, place) to `selfTime`, `totalTime`, in µs. */
function addSelfTime(cpu) {
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (node) => {
    const { functionName, url: file, lineNumber, columnNumber } = node.callFrame;
    const where = file ? `${file.slice(file.lastIndexOf('/') + 1)}:${lineNumber + 1}:${columnNumber + 1}` : '';
    return `${functionName || '(anonymous)'} ${where}`.trim();
  };
  for (let k = 0; k < cpu.samples.length; k++) {
    const delta = cpu.timeDeltas[k + 1] ?? 0;
    const node = byId.get(cpu.samples[k]);
    selfTime.set(nameOf(node), (selfTime.get(nameOf(node)) ?? 0) + delta);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) seen.add(nameOf(byId.get(id)));
    for (const name of seen) totalTime.set(name, (totalTime.get(name) ?? 0) + delta);
  }
}

/** One view's timeline: the variant's main-thread tasks, the worker's tasks, messages and timers. */
function describe(events, url, inPage) {
  const parser = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  const navigation = events.find((e) => e.name === 'navigationStart' && e.pid === parser.pid);
  const zero = (navigation ?? parser).ts;
  const at = (ts) => ((ts - zero) / 1000).toFixed(1).padStart(7);
  const tasks = mainThreadTasks(events, url).filter((task) => task.scripts.some((script) => variant.owns(script)));
  const lines = [];
  const counts = {};
  const count = (key) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const task of tasks) {
    count(`main: ${task.kind}`);
    lines.push(
      `${at(task.ts)} ms main   ${task.kind.padEnd(26)} ${task.scriptCpuMs.toFixed(2)} ms CPU (${task.cpuMs.toFixed(2)} ms task, ${task.wallMs.toFixed(2)} ms wall)`,
    );
  }
  // The worker: the renderer's other thread named like a dedicated worker.
  const names = events.filter((e) => e.name === 'thread_name' && e.pid === parser.pid);
  const workerTids = new Set(names.filter((e) => /Worker/i.test(e.args?.name ?? '')).map((e) => e.tid));
  const onWorker = events
    .filter((e) => e.pid === parser.pid && workerTids.has(e.tid) && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const interesting =
    /^(EvaluateScript|v8\.evaluateModule|v8\.compileModule|HandlePostMessage|EventDispatch|TimerFire|FunctionCall|V8\.GC|MajorGC|MinorGC)/;
  let until = -Infinity;
  for (const event of onWorker) {
    if (!interesting.test(event.name) || event.ts < until) continue;
    until = event.ts + (event.dur ?? 0);
    const detail = event.name === 'EventDispatch' ? ` ${event.args?.data?.type}` : '';
    count(`worker: ${event.name}${detail}`);
    const ms = ((event.tdur ?? event.dur ?? 0) / 1000).toFixed(2);
    lines.push(`${at(event.ts)} ms worker ${(event.name + detail).padEnd(26)} ${ms} ms CPU`);
  }
  // When the SDK's files were asked for and arrived (from the HTTP cache on a returning visit).
  const network = /^(ResourceSendRequest|ResourceReceiveResponse|ResourceFinish)$/;
  const requests = new Map();
  for (const event of events) {
    const id = event.args?.data?.requestId;
    if (!network.test(event.name) || !id) continue;
    if (event.args.data.url) requests.set(id, event.args.data.url);
    const file = requests.get(id);
    if (file && /inkling|with\.html/.test(file))
      lines.push(`${at(event.ts)} ms net    ${event.name} ${file.slice(file.lastIndexOf('/') + 1)}`);
  }
  for (const mark of ['domContentLoadedEventStart', 'MarkDOMContent', 'firstPaint', 'firstContentfulPaint']) {
    const event = events.find((e) => e.name === mark && e.pid === parser.pid);
    if (event) lines.push(`${at(event.ts)} ms mark   ${mark}`);
  }
  // Marks a debug build of the SDK may set (`performance.mark('ink:...')`), for where time goes inside a task.
  for (const event of events.filter((e) => e.pid === parser.pid && e.name.startsWith('ink:')))
    lines.push(`${at(event.ts)} ms mark   ${event.name}`);
  lines.sort((a, b) => parseFloat(a) - parseFloat(b));
  const dclToSlot = inPage.personalizedAt - inPage.dcl;
  const own = tasks.reduce((sum, task) => sum + task.scriptCpuMs, 0);
  return {
    lines,
    counts,
    summary: `${tasks.length} own tasks, ${own.toFixed(1)} ms CPU; DCL at ${inPage.dcl.toFixed(0)} ms, personalized ${dclToSlot.toFixed(0)} ms after`,
  };
}
