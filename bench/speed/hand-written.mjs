// The yardstick for the speed benches (Node and the Chromium worker): what a careful engineer would write
// by hand to rank a list with the same 35 features as Inkling (a slot in the site's order, no neighbour table), directly, without the engine's pieces
// (no profile module, no recipe, no reasons): fold the visitor's events into plain maps once, then per
// ranking compute the list facts, write each item's row into one Float32Array, run the same model kind as
// the engine's prior over it (a dot product for a logistic, a tight loop for an MLP) and sort the indexes.
// test/unit/bench/hand-written.test.ts checks that its rows equal worker/features.ts's and its scores the
// engine's, so that the ratio compares the same work.
// Plain JavaScript so that the worker bench can import it as is.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DECAY = Math.LN2 / (14 * DAY);
const WEIGHT = { impression: 0, view: 1, click: 2, add_to_cart: 3, purchase: 4, dismiss: -2 };
export const FEATURES = 35;
/** The first of the columns that hold the same value for every item of a list (28-34). */
const LIST_CONSTANT = 28;

function decayed(entry, now) {
  return entry.value * Math.exp(-DECAY * Math.max(0, now - entry.time));
}

function addDecayed(map, key, weight, time) {
  const entry = map.get(key);
  if (!entry) map.set(key, { value: weight, time });
  else if (time >= entry.time) {
    entry.value = decayed(entry, time) + weight;
    entry.time = time;
  } else entry.value += decayed({ value: weight, time }, entry.time);
}

/** The visitor, from their events (done once, as the engine folds events as they arrive). */
export function visitorFrom(events) {
  const visitor = {
    categories: new Map(),
    tags: new Map(),
    brands: new Map(),
    items: new Map(),
    recent: [],
    priceLogSum: 0,
    priceCount: 0,
  };
  for (const event of events) {
    let seen = visitor.items.get(event.itemId);
    if (!seen)
      visitor.items.set(
        event.itemId,
        (seen = {
          views: 0,
          clicks: 0,
          carts: 0,
          purchases: 0,
          impressions: 0,
          dismissals: 0,
          last: 0,
          item: undefined,
        }),
      );
    if (event.item) seen.item = event.item;
    if (event.type === 'impression') seen.impressions++;
    else if (event.type === 'view') seen.views++;
    else if (event.type === 'click') seen.clicks++;
    else if (event.type === 'add_to_cart') seen.carts++;
    else if (event.type === 'purchase') seen.purchases++;
    else if (event.type === 'dismiss') seen.dismissals++;
    const weight = WEIGHT[event.type];
    if (weight === 0) continue;
    const item = seen.item;
    if (item?.category) addDecayed(visitor.categories, item.category, weight, event.time);
    if (item?.brand) addDecayed(visitor.brands, item.brand, weight, event.time);
    for (const tag of item?.tags ?? []) addDecayed(visitor.tags, tag, weight, event.time);
    if (weight > 0) {
      seen.last = Math.max(seen.last, event.time);
      const at = visitor.recent.indexOf(event.itemId);
      if (at >= 0) visitor.recent.splice(at, 1);
      visitor.recent.push(event.itemId);
      if (visitor.recent.length > 20) visitor.recent.shift();
      if (item?.price > 0) {
        visitor.priceLogSum += Math.log(item.price);
        visitor.priceCount++;
      }
    }
  }
  return visitor;
}

function shares(map, now) {
  let total = 0;
  for (const entry of map.values()) total += Math.max(0, decayed(entry, now));
  const out = new Map();
  if (total > 0) for (const [key, entry] of map) out.set(key, Math.max(-1, Math.min(1, decayed(entry, now) / total)));
  return out;
}

const squash = (count) => Math.min(1.5, Math.log1p(count) / Math.log1p(10));

/** The 35 features of every item, row after row, into `rows` (a Float32Array of items.length * 35). */
export function handWrittenRows(items, visitor, context, now, rows = new Float32Array(items.length * FEATURES)) {
  const count = items.length;
  const category = shares(visitor.categories, now);
  const tag = shares(visitor.tags, now);
  const brand = shares(visitor.brands, now);
  const usualLogPrice = visitor.priceCount > 0 ? visitor.priceLogSum / visitor.priceCount : undefined;
  const recentRank = new Map();
  for (let k = 0; k < visitor.recent.length; k++) recentRank.set(visitor.recent[visitor.recent.length - 1 - k], k);
  const recentCategories = new Set();
  const recentBrands = new Set();
  const recentTags = new Set();
  for (const id of visitor.recent.slice(-10)) {
    const item = visitor.items.get(id)?.item;
    if (!item) continue;
    if (item.category) recentCategories.add(item.category);
    if (item.brand) recentBrands.add(item.brand);
    for (const t of item.tags ?? []) recentTags.add(t);
  }
  const anyRecent = recentCategories.size + recentBrands.size + recentTags.size > 0;

  // The list: popularity scale, price ranks and median, which listed items were engaged with and in what order.
  let maxPopularity = 0;
  let anchor = -1;
  let best = Infinity;
  const priced = [];
  const engaged = [];
  for (let i = 0; i < count; i++) {
    const item = items[i];
    maxPopularity = Math.max(maxPopularity, item.popularity ?? 0);
    if (item.price > 0) priced.push(i);
    const rank = recentRank.get(item.id);
    if (rank !== undefined) {
      engaged.push(i);
      if (rank < best) {
        best = rank;
        anchor = i;
      }
    }
  }
  priced.sort((a, b) => items[a].price - items[b].price || a - b);
  const priceRank = new Float32Array(count);
  const span = Math.max(1, priced.length - 1);
  for (let r = 0; r < priced.length; r++) priceRank[priced[r]] = r / span;
  engaged.sort((a, b) => recentRank.get(items[a].id) - recentRank.get(items[b].id) || a - b);
  const listRank = new Map();
  for (let k = 0; k < engaged.length; k++) listRank.set(items[engaged[k]].id, k);

  const when = new Date(context.time ?? now);
  const hour = when.getHours() + when.getMinutes() / 60;
  const day = when.getDay();
  for (let i = 0; i < count; i++) {
    const item = items[i];
    const o = i * FEATURES;
    const seen = visitor.items.get(item.id);
    rows[o] = 1 / Math.log2(i + 2);
    rows[o + 1] = i === 0 ? 1 : 0;
    rows[o + 2] = category.get(item.category) ?? 0;
    let t = 0;
    for (const name of item.tags ?? []) t += tag.get(name) ?? 0;
    t = Math.max(-1, Math.min(1, t));
    rows[o + 3] = t;
    rows[o + 4] = brand.get(item.brand) ?? 0;
    rows[o + 5] =
      item.price > 0 && usualLogPrice !== undefined ? Math.exp(-Math.abs(Math.log(item.price) - usualLogPrice)) : 0;
    const since = seen?.last ? Math.max(0, now - seen.last) : Infinity;
    if (seen) {
      rows[o + 6] = squash(seen.views);
      rows[o + 7] = squash(seen.clicks);
      rows[o + 8] = squash(seen.carts);
      rows[o + 9] = seen.purchases > 0 ? 1 : 0;
      rows[o + 10] = squash(Math.max(0, seen.impressions - 2 * seen.clicks));
      rows[o + 11] = seen.dismissals > 0 ? 1 : 0;
      rows[o + 12] = Math.exp(-since / DAY);
      rows[o + 13] = Math.exp(-since / HOUR);
      rows[o + 14] = Math.exp(-since / (5 * MINUTE));
      rows[o + 15] = Math.exp(-since / MINUTE);
    } else for (let f = 6; f <= 15; f++) rows[o + f] = 0;
    const recent = recentRank.get(item.id);
    rows[o + 16] = recent === 0 ? 1 : 0;
    rows[o + 17] = recent === undefined ? 0 : 1 / (recent + 1);
    const listed = listRank.get(item.id);
    rows[o + 18] = listed === undefined ? 0 : 1 / (listed + 1);
    rows[o + 19] = listed === 0 ? Math.exp(-since / MINUTE) : 0;
    rows[o + 20] = listed === 0 && seen?.clicks > 0 ? 1 : 0;
    const distance = Math.abs(i - anchor);
    rows[o + 21] = anchor < 0 || i === anchor ? 0 : Math.exp(-(distance - 1) / 2);
    rows[o + 22] = anchor < 0 || i <= anchor ? 0 : Math.exp(-(distance - 1) / 3);
    let shared = 0;
    let total = 0;
    if (anyRecent) {
      if (item.category) {
        total++;
        if (recentCategories.has(item.category)) shared++;
      }
      if (item.brand) {
        total++;
        if (recentBrands.has(item.brand)) shared++;
      }
      for (const name of item.tags ?? []) {
        total++;
        if (recentTags.has(name)) shared++;
      }
    }
    rows[o + 23] = total === 0 ? 0 : shared / total;
    // 24-27: neighbour and list-relative price columns, 0 for a site-ordered slot without a table.
    rows[o + 24] = 0;
    rows[o + 25] = 0;
    rows[o + 26] = 0;
    rows[o + 27] = 0;
    rows[o + 28] = Math.sin((2 * Math.PI * hour) / 24);
    rows[o + 29] = Math.cos((2 * Math.PI * hour) / 24);
    rows[o + 30] = Math.sin((2 * Math.PI * day) / 7);
    rows[o + 31] = Math.cos((2 * Math.PI * day) / 7);
    rows[o + 32] = context.device === 'mobile' ? 1 : 0;
    rows[o + 33] = context.device === 'tablet' ? 1 : 0;
    rows[o + 34] = context.pageType === 'product' ? 1 : 0;
  }
  return rows;
}

/**
 * The model's forward pass as a careful engineer would write it for the shape the engine ships, made once
 * per weights: a logistic is one Float32Array dot product per item; a one-hidden-layer MLP (ReLU, then a
 * sigmoid unit) adds the list-constant columns once, then walks each row's other non-zero features over
 * contiguous weight rows into a reused accumulator.
 * Returns `(rows, count) => logits`; the sigmoid is left out, it does not change the order.
 */
export function handWrittenScorer(weights) {
  const [first, second] = weights.layers;
  const kernel = Float32Array.from(first.weights);
  if (weights.layers.length === 1) {
    const bias = first.bias[0];
    return (rows, count) => {
      const scores = new Float32Array(count);
      for (let r = 0; r < count; r++) {
        let sum = bias;
        const o = r * FEATURES;
        for (let f = 0; f < FEATURES; f++) sum += rows[o + f] * kernel[f];
        scores[r] = sum;
      }
      return scores;
    };
  }
  if (weights.layers.length !== 2) throw new Error('the hand-written scorer covers a logistic or one hidden layer');
  const hidden = first.outputs;
  const bias = Float32Array.from(first.bias);
  const out = Float32Array.from(second.weights);
  const outBias = second.bias[0];
  const unit = new Float64Array(hidden);
  const start = new Float64Array(hidden);
  return (rows, count) => {
    const scores = new Float32Array(count);
    // Columns 30-36 (time, device, page) are the same for the whole list: their products once per list.
    for (let h = 0; h < hidden; h++) start[h] = bias[h];
    for (let f = LIST_CONSTANT; count > 0 && f < FEATURES; f++) {
      const x = rows[f];
      if (x !== 0) for (let h = 0, w = f * hidden; h < hidden; h++) start[h] += x * kernel[w + h];
    }
    for (let r = 0; r < count; r++) {
      const o = r * FEATURES;
      for (let h = 0; h < hidden; h++) unit[h] = start[h];
      for (let f = 0, w = 0; f < LIST_CONSTANT; f++, w += hidden) {
        const x = rows[o + f];
        if (x === 0) continue;
        for (let h = 0; h < hidden; h++) unit[h] += x * kernel[w + h];
      }
      let sum = outBias;
      for (let h = 0; h < hidden; h++) if (unit[h] > 0) sum += unit[h] * out[h];
      scores[r] = sum;
    }
    return scores;
  };
}

/** Features, the model's scores (`score` from handWrittenScorer), an index sort: the best order of `items`. */
export function handWrittenRank(items, visitor, context, now, score) {
  const count = items.length;
  const rows = handWrittenRows(items, visitor, context, now);
  const scores = score(rows, count);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((a, b) => scores[b] - scores[a] || a - b);
}
