// Speed in a real Chromium worker: rank 1,000 and 10,000 items inside the worker, the worker's cold
// start to its first ranking, and what reading a ranking's reply costs the main thread, each against a
// baseline measured in the same run.
// Run after a build: node bench/speed/browser.mjs   (npm run bench runs it; `--write-docs` writes docs/performance.md)
import { readFileSync } from 'node:fs';
import { openIsolatedBrowser } from '../isolated-browser.mjs';
import { wantsDocs, writeBenchSection } from '../../scripts/bench-docs.mjs';
import { loadFixtureJson, loadLongHistoryJson } from './fixture-json.mjs';

/** The middle value (the upper one of an even count), as each timing below reports it. */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixture = { ...loadFixtureJson(), prior: JSON.parse(readFileSync('worker/model/prior.json', 'utf8')) };
// Cross-origin isolated, so that performance.now() has 5 µs resolution instead of 100 µs.
const { server, browser, close } = await openIsolatedBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/bench/speed/blank.html`);

  const ranking = await page.evaluate(async (data) => {
    const worker = new Worker('/bench/speed/worker-bench.js', { type: 'module' });
    // The imported engine module also announces itself (and comlink answers stray messages): wait for ours.
    await new Promise((resolve) => worker.addEventListener('message', (event) => event.data === 'ready' && resolve()));
    worker.postMessage(data);
    const result = await new Promise((resolve) =>
      worker.addEventListener('message', (event) => event.data?.['1000'] && resolve(event.data)),
    );
    worker.terminate();
    return result;
  }, fixture);

  // Cold start: a fresh Inkling worker until its first ranking of 100 items, against a fresh empty module
  // worker until its first message (the floor any worker pays), alternated, 15 of each.
  const cold = await page.evaluate(
    async (items) => {
      const blank = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
      const inkling = [];
      const empty = [];
      for (let round = 0; round < 15; round++) {
        let start = performance.now();
        const plain = new Worker(blank, { type: 'module' });
        await new Promise((resolve) => (plain.onmessage = resolve));
        empty.push(performance.now() - start);
        plain.terminate();

        start = performance.now();
        const worker = new Worker(`/dist/inkling.worker.js?round=${round}`, { type: 'module' });
        await new Promise((resolve) =>
          worker.addEventListener('message', (e) => e.data?.type === 'inkling:ready' && resolve()),
        );
        const id = 'bench-1';
        worker.postMessage({
          id,
          type: 'APPLY',
          path: ['rank'],
          argumentList: [{ type: 'RAW', value: { slot: 'bench', items } }],
        });
        await new Promise((resolve) => worker.addEventListener('message', (e) => e.data?.id === id && resolve()));
        inkling.push(performance.now() - start);
        worker.terminate();
      }
      return { inkling, empty };
    },
    fixture.items.slice(0, 100),
  );

  // Cold start of a visitor with a long history (34,000+ stored events): from the checkpoint the previous
  // start saved, against the same start reading every event (the checkpoint deleted first: a visitor's
  // first start of a day, when retention voids it, and every start before checkpoints), alternated.
  const longHistory = loadLongHistoryJson(Date.now());
  const longStart = await page.evaluate(
    async ({ events, items }) => {
      let calls = 0;
      const call = (worker, path, value) =>
        new Promise((resolve) => {
          const id = `long-${calls++}`;
          const onReply = (e) => e.data?.id === id && (worker.removeEventListener('message', onReply), resolve());
          worker.addEventListener('message', onReply);
          worker.postMessage({ id, type: 'APPLY', path: [path], argumentList: [{ type: 'RAW', value }] });
        });
      const start = () =>
        new Promise((resolve) => {
          const worker = new Worker(`/dist/inkling.worker.js?long=${calls}`, { type: 'module' });
          worker.addEventListener('message', (e) => e.data?.type === 'inkling:ready' && resolve(worker));
        });
      const inDatabase = (change) =>
        new Promise((resolve) => {
          const open = indexedDB.open('inkling');
          open.onsuccess = () => {
            const tx = open.result.transaction(['values', 'chunks'], 'readwrite');
            change(tx);
            tx.oncomplete = () => (open.result.close(), resolve());
          };
        });
      const dropCheckpoint = () => inDatabase((tx) => tx.objectStore('values').delete('checkpoint'));
      // A day whose purge deletes something: an event past the retention (stored as the store stores a
      // batch), and today's purge not yet run.
      const expireOne = (round) =>
        inDatabase((tx) => {
          const time = Date.now() - 100 * 86_400_000;
          tx.objectStore('chunks').put({
            first: time,
            last: time,
            events: [{ id: `expired-${round}`, type: 'view', itemId: 'old', time }],
          });
          tx.objectStore('values').delete('pruned');
        });
      const seeding = await start();
      await call(seeding, 'configure', { mode: 'full' });
      for (let i = 0; i < events.length; i += 1000) await call(seeding, 'ingest', events.slice(i, i + 1000));
      seeding.terminate();
      const timed = async () => {
        const began = performance.now();
        const worker = await start();
        await call(worker, 'configure', { mode: 'full' });
        await call(worker, 'rank', { slot: 'bench', items });
        const ms = performance.now() - began;
        // Let the checkpoint the start saves (after a purge, the rebuild) reach the disk before the worker goes.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        worker.terminate();
        return ms;
      };
      await timed(); // reads everything once and saves the first checkpoint
      const resumed = [];
      const replayed = [];
      const purgeDay = [];
      for (let round = 0; round < 7; round++) {
        resumed.push(await timed());
        await dropCheckpoint();
        replayed.push(await timed());
        await expireOne(round);
        purgeDay.push(await timed());
      }
      return { resumed, replayed, purgeDay };
    },
    { events: longHistory, items: fixture.items.slice(0, 100) },
  );

  // Reading a ranking's reply on the main thread (deserializing it: `event.data`), 1,000 items, no
  // reasons: the shipped worker's reply (items as ids) against the same ranking with every item's fields
  // (as the worker sent it before wire-ranking.ts), echoed by a blank worker; interleaved, 21 of each.
  const reply = await page.evaluate(
    async (items) => {
      const read = (worker, message, matches) =>
        new Promise((resolve) => {
          const onMessage = (event) => {
            const start = performance.now();
            const data = event.data;
            const ms = performance.now() - start;
            if (!matches(data)) return;
            worker.removeEventListener('message', onMessage);
            resolve({ ms, data });
          };
          worker.addEventListener('message', onMessage);
          worker.postMessage(message);
        });
      const engine = new Worker('/dist/inkling.worker.js', { type: 'module' });
      // A listener left on the worker would read (and pay for) every reply first: this one leaves.
      await new Promise((resolve) => {
        const onReady = (e) =>
          e.data?.type === 'inkling:ready' && (engine.removeEventListener('message', onReady), resolve());
        engine.addEventListener('message', onReady);
      });
      const echo = new Worker(
        URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data)'], { type: 'text/javascript' })),
      );
      const wire = [];
      const full = [];
      for (let round = 0; round < 22; round++) {
        const id = round + 1;
        const { ms, data } = await read(
          engine,
          {
            id,
            type: 'APPLY',
            path: ['rank'],
            argumentList: [{ type: 'RAW', value: { slot: 'bench', items, explain: false } }],
          },
          (d) => d?.id === id,
        );
        const withFields = {
          ...data,
          value: {
            ...data.value,
            items: data.value.items.map((entry) => ({ ...entry, item: items[entry.originalIndex] })),
          },
        };
        const echoed = await read(echo, withFields, () => true);
        if (round === 0) continue;
        wire.push(ms);
        full.push(echoed.ms);
      }
      engine.terminate();
      echo.terminate();
      return { wire, full };
    },
    fixture.items.slice(0, 1000),
  );

  const version = browser.version();
  const report = [];
  report.push(
    `\n### Speed in a Chromium ${version} worker (history: ${fixture.events.length} real rees46 events; cross-origin isolated: ${ranking.crossOriginIsolated})\n`,
  );
  report.push('| what | median | p95 | ratio to baseline |\n| --- | --- | --- | --- |');
  for (const count of ['1000', '10000']) {
    const { baseline, inkling, quiet } = ranking[count];
    report.push(
      `| hand-written ranker: 35 features, ${ranking.kind} forward pass, sort, ${count} items | ${baseline.median.toFixed(2)} ms | ${baseline.p95.toFixed(2)} ms | baseline |`,
    );
    report.push(
      `| **Inkling rank in the worker, ${count} items** | ${inkling.median.toFixed(2)} ms | ${inkling.p95.toFixed(2)} ms | ${(inkling.median / baseline.median).toFixed(2)}x |`,
    );
    report.push(
      `| **Inkling rank in the worker without reasons (script tag), ${count} items** | ${quiet.median.toFixed(2)} ms | ${quiet.p95.toFixed(2)} ms | ${(quiet.median / baseline.median).toFixed(2)}x |`,
    );
  }
  report.push(`| empty module worker, start to first message | ${median(cold.empty).toFixed(1)} ms | | baseline |`);
  report.push(
    `| **Inkling worker cold start to first ranking (100 items)** | ${median(cold.inkling).toFixed(1)} ms | | ${(median(cold.inkling) / median(cold.empty)).toFixed(2)}x |`,
  );
  report.push(
    `| worker cold start to first ranking, ${longHistory.length.toLocaleString('en')} stored events, reading every event | ${median(longStart.replayed).toFixed(1)} ms | | baseline |`,
  );
  report.push(
    `| **the same start from the last checkpoint** | ${median(longStart.resumed).toFixed(1)} ms | | ${(median(longStart.resumed) / median(longStart.replayed)).toFixed(2)}x |`,
  );
  report.push(
    `| **the same start on a day whose retention purge deletes events** (purge and rebuild after the first ranking) | ${median(longStart.purgeDay).toFixed(1)} ms | | ${(median(longStart.purgeDay) / median(longStart.replayed)).toFixed(2)}x |`,
  );
  report.push(
    `| main thread reads a 1,000-item ranking reply with every item's fields | ${median(reply.full).toFixed(2)} ms | | baseline |`,
  );
  report.push(
    `| **main thread reads the same reply as the worker sends it (items as ids)** | ${median(reply.wire).toFixed(2)} ms | | ${(median(reply.wire) / median(reply.full)).toFixed(2)}x |`,
  );
  report.push('\nBudgets: rank 1,000 items <= 3 ms median; worker cold start to first ranking <= 100 ms.');
  console.log(report.join('\n'));
  if (wantsDocs())
    writeBenchSection('speed-browser', report.join('\n'), 'npm run build && node bench/speed/browser.mjs --write-docs');
} finally {
  await close();
}
