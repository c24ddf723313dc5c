// Runs inside a module worker in Chromium (served at /bench/speed/worker-bench.js): times the shipped
// engine (dist/inkling.worker.js) against the hand-written ranker (hand-written.mjs: the same 35
// features into a Float32Array, the shipped prior's forward pass, an index sort) in the same worker, interleaved.
const { createEngine } = await import('/dist/inkling.worker.js');
const { handWrittenRank, handWrittenScorer, visitorFrom } = await import('/bench/speed/hand-written.mjs');

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.floor(sorted.length * 0.95)],
    runs: sorted.length,
  };
}

/** Each task once per round, in a rotating order, so that every task sees the same share of the machine's load. */
async function timeInterleaved(tasks, runs, warmup = 20) {
  const names = Object.keys(tasks);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = -warmup; round < runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + Math.max(0, round)) % names.length];
      const start = performance.now();
      await tasks[name]();
      if (round >= 0) samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])]));
}

self.onmessage = async ({ data: { items, events, now, prior } }) => {
  const engine = createEngine({ storage: 'memory', now: () => now, learn: false });
  await engine.ingest(events);
  const visitor = visitorFrom(events);
  // The shipped prior (worker/model/prior.json, sent by browser.mjs): the same model kind and size as the engine's.
  const score = handWrittenScorer(prior);
  const context = { time: now };
  const results = { crossOriginIsolated: self.crossOriginIsolated };
  for (const count of [1000, 10000]) {
    const slice = items.slice(0, count);
    results[count] = await timeInterleaved(
      {
        baseline: () => handWrittenRank(slice, visitor, context, now, score),
        inkling: () => engine.rank({ slot: 'bench', items: slice }),
        quiet: () => engine.rank({ slot: 'bench', items: slice, explain: false }),
      },
      count === 1000 ? 300 : 40,
    );
  }
  self.postMessage({ ...results, kind: prior.kind });
};
self.postMessage('ready');
