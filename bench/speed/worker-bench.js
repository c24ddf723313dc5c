// Runs inside a module worker in Chromium (served at /bench/speed/worker-bench.js): times the shipped
// engine (dist/inkling.worker.js) against a hand-written Float32Array ranker in the same worker.
const { createEngine } = await import('/dist/inkling.worker.js');

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], runs: sorted.length };
}
async function time(task, runs) {
  for (let i = 0; i < Math.min(20, runs); i++) await task();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** The yardstick: per item, 17 features read from its attributes into a Float32Array, a dot product, a sort. */
function handWritten(items, affinity, weights) {
  const features = 17;
  const rows = new Float32Array(items.length * features);
  const scores = new Float32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const o = i * features;
    rows[o] = 1 / Math.log2(i + 2);
    rows[o + 1] = affinity.get(item.category) ?? 0;
    rows[o + 2] = item.price ? Math.log(item.price) / 10 : 0;
    rows[o + 3] = item.popularity ?? 0;
    let sum = 0;
    for (let f = 0; f < features; f++) sum += rows[o + f] * weights[f];
    scores[i] = sum;
  }
  const order = new Uint32Array(items.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}

self.onmessage = async ({ data: { items, events, now } }) => {
  const engine = createEngine({ storage: 'memory', now: () => now, learn: false });
  await engine.ingest(events);
  const affinity = new Map(events.map((event) => [event.item?.category, 1]));
  const weights = Float32Array.from({ length: 17 }, (_, i) => 1 / (i + 1));
  const results = {};
  for (const count of [1000, 10000]) {
    const slice = items.slice(0, count);
    const runs = count === 1000 ? 200 : 30;
    results[count] = {
      baseline: await time(() => handWritten(slice, affinity, weights), runs),
      inkling: await time(() => engine.rank({ slot: 'bench', items: slice }), runs),
      quiet: await time(() => engine.rank({ slot: 'bench', items: slice, explain: false }), runs),
    };
  }
  self.postMessage(results);
};
self.postMessage('ready');
