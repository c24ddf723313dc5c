// Generates demo/catalog.json: a fictional outdoor shop (products and articles).
// Seeded, so running it twice gives byte-identical output: `node demo/make-catalog.mjs`.
// Dates are relative to a fixed reference day rather than "now" for the same reason.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, COLOURWAYS, ARTICLE_TOPICS, ARTICLE_TITLES } from './catalog-data.mjs';

const SEED = 20261115;
/** Catalog "today": 2026-11-15 00:00 UTC. */
const REFERENCE_TIME = Date.UTC(2026, 10, 15);
const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sample = (list, count) => {
    const pool = [...list];
    const out = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  const shuffle = (list) => sample(list, list.length);
  return { next, int, pick, sample, shuffle };
}

/** Shop prices end in .99, .49 or a round .00 like real price tags. */
function priceTag(rnd, min, max) {
  const whole = rnd.int(min, max);
  return whole + rnd.pick([0.99, 0.99, 0.49, 0]);
}

/** Popularity skews low: most items are niche, a few are hits (0..100). */
function popularity(rnd) {
  return Math.round(100 * Math.pow(rnd.next(), 1.8));
}

/** Arrival time within the last ~18 months, with a cluster of new arrivals in the last 30 days. */
function publishedAt(rnd) {
  const daysAgo = rnd.next() < 0.2 ? rnd.int(0, 30) : rnd.int(31, 540);
  return REFERENCE_TIME - daysAgo * DAY_MS - rnd.int(0, 23) * 3_600_000;
}

/**
 * The title `name — suffix`, or when another product already has it, the first free one with another
 * flavour (flavoured lines) or colourway (the others), then the same under another of the line's brands,
 * so that no two tiles read alike at different prices. Picks without drawing random numbers, so the rest
 * of the catalog stays as the seed made it. Returns the title, and its brand and colourway when changed.
 */
function uniqueTitle(taken, { name, brand, brands, suffix, flavours }) {
  const drawn = suffix ? `${name} — ${suffix}` : name;
  if (!taken.has(drawn)) return { title: drawn };
  const options = flavours ?? COLOURWAYS.map((colourway) => colourway.name);
  const start = Math.max(0, options.indexOf(suffix));
  for (const other of [brand, ...brands.filter((b) => b !== brand)]) {
    for (let i = 1; i <= options.length; i += 1) {
      const option = options[(start + i) % options.length];
      const title = `${name.replace(brand, other)} — ${option}`;
      if (taken.has(title)) continue;
      return { title, brand: other, colourway: flavours ? undefined : COLOURWAYS.find((c) => c.name === option) };
    }
  }
  throw new Error(`make-catalog: no free title for ${name}`);
}

/** Builds the products of one category (without ids, which are assigned after a shuffle); `taken`: titles so far. */
function productsFor(rnd, category, taken) {
  const products = [];
  for (let i = 0; i < category.count; i += 1) {
    const source =
      category.slug === 'outlet'
        ? rnd.pick(CATEGORIES.filter((c) => c.slug !== 'outlet' && c.slug !== 'nutrition'))
        : category;
    const line = rnd.pick(source.lines);
    const brand = rnd.pick(source.brands);
    const colour = rnd.pick(COLOURWAYS);
    const model = `${rnd.pick(source.models)}${line.numbered ? ` ${rnd.int(2, 9)}` : ''}`;
    const name = line.model === false ? `${brand} ${line.kind}` : `${brand} ${model} ${line.kind}`;
    const suffix = line.flavours ? rnd.pick(line.flavours) : line.colour ? colour.name : '';
    const {
      title,
      colourway,
      brand: titleBrand,
    } = uniqueTitle(taken, { name, brand, brands: source.brands, suffix, flavours: line.flavours });
    taken.add(title);
    const basePrice = priceTag(rnd, line.price[0], line.price[1]);
    const tags = [...new Set([...line.tags, ...rnd.sample(line.pool, rnd.int(1, 2))])];
    const product = {
      category: category.slug,
      title,
      brand: titleBrand ?? brand,
      tags,
      price: basePrice,
      popularity: popularity(rnd),
      publishedAt: publishedAt(rnd),
      inStock: rnd.next() > 0.06,
      colour: (colourway ?? colour).hex,
      glyph: source.slug,
    };
    if (category.slug === 'outlet') {
      // Outlet items keep their original line's tags plus "sale", and show the price they were.
      product.was = basePrice;
      product.price = Math.round(basePrice * rnd.pick([0.5, 0.6, 0.7, 0.75])) - 0.01;
      product.tags = [...new Set(['sale', source.slug, ...tags])];
    }
    if (line.repurchase) product.repurchase = line.repurchase;
    products.push(product);
  }
  return products;
}

function articles(rnd, productCount) {
  return ARTICLE_TITLES.map(([topic, title, tags], i) => ({
    id: `art-${i + 1}`,
    kind: 'article',
    title,
    category: topic,
    tags,
    popularity: popularity(rnd),
    publishedAt: publishedAt(rnd),
    minutes: rnd.int(3, 14),
    colour: rnd.pick(COLOURWAYS).hex,
    glyph: ARTICLE_TOPICS[topic].glyph,
    // A couple of products each article "features", so article pages can link back into the shop.
    features: [rnd.int(1, productCount), rnd.int(1, productCount), rnd.int(1, productCount)].map((n) => `sku-${n}`),
  }));
}

/** Builds the whole catalog deterministically from the seed. */
export function makeCatalog(seed = SEED) {
  const rnd = makeRandom(seed);
  const taken = new Set();
  const all = rnd.shuffle(CATEGORIES.flatMap((category) => productsFor(rnd, category, taken)));
  const products = all.map((p, i) => ({ id: `sku-${i + 1}`, kind: 'product', ...p }));
  // One in-stock, well-liked jacket is the marketer's promoted item, pinned first on the home rail.
  const promoted = products
    .filter((p) => p.category === 'jackets' && p.inStock)
    .sort((a, b) => b.popularity - a.popularity)[0];
  promoted.promoted = true;
  return {
    generatedFrom: { seed, referenceTime: new Date(REFERENCE_TIME).toISOString() },
    categories: CATEGORIES.map(({ slug, name, blurb }) => ({ slug, name, blurb })),
    articleTopics: Object.entries(ARTICLE_TOPICS).map(([slug, t]) => ({ slug, name: t.name })),
    products,
    articles: articles(rnd, products.length),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('./catalog.json', import.meta.url));
  const catalog = makeCatalog();
  writeFileSync(out, `${JSON.stringify(catalog, null, 1)}\n`);
  console.log(`wrote ${catalog.products.length} products and ${catalog.articles.length} articles to ${out}`);
}
