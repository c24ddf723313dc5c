// What `track()` costs the page's main thread, per call, in a real Chromium tab running the script tag:
// against a hand-written tracker measured in the same run (copy the event with structuredClone and queue
// it), which is the least any tracker that keeps the page's objects out of its queue does.
// Run after a build: node bench/track.mjs   (`--write-docs` writes its section of docs/performance.md)
import { openIsolatedBrowser } from './isolated-browser.mjs';
import { wantsDocs, writeBenchSection } from '../scripts/bench-docs.mjs';

const CALLS = 2000;
const BUDGET_P95_MS = 0.1;
// Cross-origin isolated, so that performance.now() has 5 µs resolution instead of 100 µs.
const { server, browser, close } = await openIsolatedBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/bench/speed/blank.html`);
  await page.addScriptTag({ url: '/dist/inkling.js' });
  await page.waitForFunction(() => typeof window.Inkling?.track === 'function');
  const timings = await page.evaluate((calls) => {
    const event = (i) => ({
      type: i % 10 === 0 ? 'click' : 'impression',
      itemId: `sku-${i % 100}`,
      itemListId: 'home-grid',
      index: i % 100,
      item: { id: `sku-${i % 100}`, category: 'tents', tags: ['2p', 'ultralight'], brand: 'Halcyon', price: 249 },
    });
    const queue = [];
    const byHand = (value) => queue.push(structuredClone(value));
    const inkling = [];
    const hand = [];
    // Interleaved, so that a noisy moment of the shared machine hits both sides alike.
    for (let i = 0; i < calls; i++) {
      const a = event(i);
      const b = event(i);
      let start = performance.now();
      window.Inkling.track(a);
      inkling.push(performance.now() - start);
      start = performance.now();
      byHand(b);
      hand.push(performance.now() - start);
    }
    return { inkling, hand };
  }, CALLS);
  // The calls must have tracked something: what the engine stored after a flush.
  const stored = await page.evaluate(async () => {
    await window.Inkling.flush();
    return (await window.Inkling.export()).events.length;
  });
  if (stored === 0) throw new Error('track() stored nothing: the timings would measure a no-op');
  const at = (values, q) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];
  const row = (name, values, base) =>
    `| ${name} | ${at(values, 0.5).toFixed(4)} ms | ${at(values, 0.95).toFixed(4)} ms | ${
      base ? `${(at(values, 0.95) / Math.max(at(base, 0.95), 0.005)).toFixed(2)}x` : 'baseline'
    } |`;
  const version = browser.version();
  const table = [
    `### track() on the main thread, ${CALLS} calls in Chromium ${version} (one click in ten, the rest impressions)`,
    '',
    '| what | median | p95 | p95 ratio to baseline |',
    '| --- | --- | --- | --- |',
    row('hand-written tracker: structuredClone and queue', timings.hand),
    row('Inkling `track()` (checked, made plain, queued)', timings.inkling, timings.hand),
    '',
    `Events stored after a flush: ${stored}.`,
    `Budget: p95 at most ${BUDGET_P95_MS} ms (${at(timings.inkling, 0.95) <= BUDGET_P95_MS ? 'met' : 'over'}). ` +
      'The timer resolution is 5 µs (cross-origin isolated); the ratio floors the baseline at that.',
  ].join('\n');
  console.log(table);
  if (wantsDocs()) writeBenchSection('track', table, 'npm run build && node bench/track.mjs --write-docs');
} finally {
  await close();
}
