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

/**
 * The yardstick: what a careful hand-written ranker does with the same inputs. Per item, 17 features
 * from the same lookups Inkling's features need (category, brand and tag affinities, the item's own
 * history, popularity and price against the list, recency), written into one Float32Array, a dot
 * product, an index sort. No recipe, no rules, no reasons.
 */
function handWritten(items, visitor, weights) {
  const features = 17;
  const count = items.length;
  const rows = new Float32Array(count * features);
  const scores = new Float32Array(count);
  let maxPopularity = 0;
  let priceSum = 0;
  for (const item of items) {
    maxPopularity = Math.max(maxPopularity, item.popularity ?? 0);
    priceSum += item.price ?? 0;
  }
  const meanPrice = priceSum / count || 1;
  for (let i = 0; i < count; i++) {
    const item = items[i];
    const seen = visitor.items.get(item.id);
    const o = i * features;
    rows[o] = 1 / Math.log2(i + 2);
    rows[o + 1] = visitor.categories.get(item.category) ?? 0;
    let tag = 0;
    for (const t of item.tags ?? []) tag = Math.max(tag, visitor.tags.get(t) ?? 0);
    rows[o + 2] = tag;
    rows[o + 3] = visitor.brands.get(item.brand) ?? 0;
    rows[o + 4] = item.price ? Math.exp(-Math.abs(Math.log(item.price) - visitor.logPrice)) : 0;
    rows[o + 5] = seen ? Math.log1p(seen.views) : 0;
    rows[o + 6] = seen ? Math.log1p(seen.clicks) : 0;
    rows[o + 7] = seen ? Math.log1p(seen.carts) : 0;
    rows[o + 8] = seen && seen.purchases > 0 ? 1 : 0;
    rows[o + 9] = seen ? Math.log1p(seen.impressions) : 0;
    rows[o + 10] = seen && seen.dismissed ? 1 : 0;
    rows[o + 11] = maxPopularity ? (item.popularity ?? 0) / maxPopularity : 0;
    rows[o + 12] = item.price ? Math.tanh(Math.log(item.price / meanPrice)) : 0;
    rows[o + 13] = seen ? Math.exp(-(visitor.now - seen.last) / 86400000) : 0;
    rows[o + 14] = visitor.recentCategories.has(item.category) ? 1 : 0;
    rows[o + 15] = visitor.hourSin;
    rows[o + 16] = visitor.hourCos;
    let sum = 0;
    for (let f = 0; f < features; f++) sum += rows[o + f] * weights[f];
    scores[i] = sum;
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}

/** The visitor state the hand-written ranker reads, built once from the same events. */
function visitorOf(events, now) {
  const visitor = { categories: new Map(), tags: new Map(), brands: new Map(), items: new Map(), recentCategories: new Set(), logPrice: 0, now, hourSin: Math.sin(1), hourCos: Math.cos(1) };
  let prices = 0;
  for (const event of events) {
    const category = event.item?.category;
    if (category) visitor.categories.set(category, (visitor.categories.get(category) ?? 0) + 1);
    const seen = visitor.items.get(event.itemId) ?? { views: 0, clicks: 0, carts: 0, purchases: 0, impressions: 0, dismissed: false, last: 0 };
    if (event.type === 'view') seen.views += 1;
    if (event.type === 'add_to_cart') seen.carts += 1;
    if (event.type === 'purchase') seen.purchases += 1;
    seen.last = Math.max(seen.last, event.time);
    visitor.items.set(event.itemId, seen);
    if (event.item?.price) { visitor.logPrice += Math.log(event.item.price); prices += 1; }
    if (category) visitor.recentCategories.add(category);
  }
  visitor.logPrice /= prices || 1;
  return visitor;
}

self.onmessage = async ({ data: { items, events, now } }) => {
  const engine = createEngine({ storage: 'memory', now: () => now, learn: false });
  await engine.ingest(events);
  const visitor = visitorOf(events, now);
  const weights = Float32Array.from({ length: 17 }, (_, i) => 1 / (i + 1));
  const results = {};
  for (const count of [1000, 10000]) {
    const slice = items.slice(0, count);
    const runs = count === 1000 ? 200 : 30;
    results[count] = {
      baseline: await time(() => handWritten(slice, visitor, weights), runs),
      inkling: await time(() => engine.rank({ slot: 'bench', items: slice }), runs),
      quiet: await time(() => engine.rank({ slot: 'bench', items: slice, explain: false }), runs),
    };
  }
  self.postMessage(results);
};
self.postMessage('ready');
