// @vitest-environment node
// The demo shop's contract: a reproducible catalog with sane fields, and static pages whose markup
// carries every data-inkling-* attribute the SDK reads. Builds into a temp dir, never demo/dist.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, loadCatalog } from '../../../demo/build.mjs';
import { makeCatalog } from '../../../demo/make-catalog.mjs';
import type { DemoArticle, DemoProduct } from '../../../demo/catalog-types.mjs';
import type { StrategyName } from '../../../common/recipe.js';

const catalog = loadCatalog();
const entries: readonly (DemoProduct | DemoArticle)[] = [...catalog.products, ...catalog.articles];
const byId = new Map(entries.map((e) => [e.id, e]));
const DURATION = /^\d+[smhd]$/;

describe('demo catalog', () => {
  it('is exactly what make-catalog.mjs generates from its seed', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../demo/catalog.json', import.meta.url)), 'utf8');
    expect(JSON.parse(JSON.stringify(makeCatalog()))).toEqual(JSON.parse(committed));
  });

  it('has at least 200 products in at least 8 categories, and at least 20 articles', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(200);
    expect(new Set(catalog.products.map((p) => p.category)).size).toBeGreaterThanOrEqual(8);
    expect(catalog.articles.length).toBeGreaterThanOrEqual(20);
  });

  it('uses unique, sequential ids (sku-N for products, art-N for articles)', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    catalog.products.forEach((p, i) => expect(p.id).toBe(`sku-${i + 1}`));
    catalog.articles.forEach((a, i) => expect(a.id).toBe(`art-${i + 1}`));
  });

  it('gives every product valid fields', () => {
    const categories = new Set(catalog.categories.map((c) => c.slug));
    const earliest = Date.UTC(2024, 0, 1);
    for (const p of catalog.products) {
      expect(categories.has(p.category), p.id).toBe(true);
      expect(p.title.trim().length, p.id).toBeGreaterThan(3);
      expect(p.brand.trim().length, p.id).toBeGreaterThan(1);
      expect(p.tags.length, p.id).toBeGreaterThan(0);
      // Tags travel comma-separated in one attribute: none may contain a comma or whitespace.
      for (const tag of p.tags) expect(tag, p.id).toMatch(/^[a-z0-9-]+$/);
      expect(Number.isFinite(p.price) && p.price > 0, p.id).toBe(true);
      expect(Number.isInteger(p.popularity) && p.popularity >= 0 && p.popularity <= 100, p.id).toBe(true);
      expect(Number.isInteger(p.publishedAt) && p.publishedAt > earliest, p.id).toBe(true);
      expect(typeof p.inStock, p.id).toBe('boolean');
      if (p.repurchase !== undefined) expect(p.repurchase, p.id).toMatch(DURATION);
      if (p.was !== undefined) expect(p.was, p.id).toBeGreaterThan(p.price);
      expect(p.colour, p.id).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('gives every product its own title, so that no two tiles read alike at different prices', () => {
    const byTitle = new Map<string, string[]>();
    for (const p of catalog.products) byTitle.set(p.title, [...(byTitle.get(p.title) ?? []), p.id]);
    expect([...byTitle].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it('has a few sold-out items, some consumables and exactly one promoted in-stock item', () => {
    const soldOut = catalog.products.filter((p) => !p.inStock).length;
    expect(soldOut).toBeGreaterThan(0);
    expect(soldOut).toBeLessThan(catalog.products.length / 5);
    expect(catalog.products.filter((p) => p.repurchase === '30d').length).toBeGreaterThanOrEqual(3);
    const promoted = catalog.products.filter((p) => p.promoted);
    expect(promoted).toHaveLength(1);
    expect(promoted[0]?.inStock).toBe(true);
  });

  it('gives every article a known topic, tags and featured products that exist', () => {
    const topics = new Set(catalog.articleTopics.map((t) => t.slug));
    for (const a of catalog.articles) {
      expect(topics.has(a.category), a.id).toBe(true);
      for (const tag of a.tags) expect(tag, a.id).toMatch(/^[a-z0-9-]+$/);
      expect(Number.isInteger(a.popularity) && a.popularity >= 0 && a.popularity <= 100, a.id).toBe(true);
      for (const id of a.features) expect(byId.has(id), `${a.id} features ${id}`).toBe(true);
    }
  });
});

describe('demo build', () => {
  let outDir = '';
  let written: string[] = [];
  const window = new Window();
  const parsed = new Map<string, Document>();
  // happy-dom's Document is structurally the DOM's; the cast only bridges the two type packages.
  const parse = (rel: string): Document => {
    let doc = parsed.get(rel);
    if (!doc) {
      doc = new window.DOMParser().parseFromString(
        readFileSync(path.join(outDir, rel), 'utf8'),
        'text/html',
      ) as unknown as Document;
      parsed.set(rel, doc);
    }
    return doc;
  };

  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'inkling-demo-'));
    written = buildDemo(outDir);
  });
  afterAll(async () => {
    await window.happyDOM.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  /** Asserts that `el` carries the attribute set of catalog entry `id` under `idAttr`. */
  function expectItemAttributes(el: Element, idAttr: 'data-inkling-item' | 'data-inkling-view'): string {
    const id = el.getAttribute(idAttr) ?? '';
    const entry = byId.get(id);
    expect(entry, `${idAttr}="${id}" is in the catalog`).toBeDefined();
    if (!entry) return id;
    const attr = (name: string) => el.getAttribute(`data-inkling-${name}`);
    expect(attr('title'), id).toBe(entry.title);
    expect(attr('category'), id).toBe(entry.category);
    expect(attr('tags'), id).toBe(entry.tags.join(','));
    expect(attr('popularity'), id).toBe(String(entry.popularity));
    expect(Date.parse(attr('published') ?? ''), id).toBe(entry.publishedAt);
    if (entry.kind === 'product') {
      expect(attr('price'), id).toBe(String(entry.price));
      expect(attr('brand'), id).toBe(entry.brand);
      expect(attr('in-stock'), id).toBe(entry.inStock ? null : 'false');
      expect(attr('repurchase'), id).toBe(entry.repurchase ?? null);
    }
    return id;
  }

  /** Checks every tile of a slot and returns the item ids in page order. */
  function slotItems(doc: Document, name: string): string[] {
    const slots = doc.querySelectorAll(`[data-inkling-slot="${name}"]`);
    expect(slots.length, `slot ${name}`).toBe(1);
    return [...(slots[0]?.children ?? [])].map((tile) => {
      const id = expectItemAttributes(tile, 'data-inkling-item');
      const href = id.startsWith('sku-') ? `/p/${id}.html` : `/a/${id}.html`;
      expect(tile.querySelector(`a[href="${href}"]`), `${name}: ${id} links to ${href}`).not.toBeNull();
      const dismiss = tile.querySelector('button[data-inkling-action="dismiss"]');
      expect(dismiss?.getAttribute('data-inkling-item-ref'), `${name}: ${id} dismiss`).toBe(id);
      return id;
    });
  }

  it('writes every page the demo needs', () => {
    const expected = [
      'index.html',
      'articles.html',
      'cart.html',
      'checkout.html',
      'styles.css',
      'shop.js',
      'favicon.svg',
      ...catalog.categories.map((c) => `category/${c.slug}.html`),
      ...catalog.products.map((p) => `p/${p.id}.html`),
      ...catalog.articles.map((a) => `a/${a.id}.html`),
    ];
    expect([...written].sort()).toEqual([...expected].sort());
  });

  it('puts the SDK tag, recipes, panel root and shop.js (before the SDK reads the page) in every page, CSP-safe', () => {
    const tag =
      '<script src="/dist/inkling.js" async blocking="render" data-inkling-panel="#inkling-panel-root" data-inkling-recipes="inkling-recipes"></script>';
    for (const rel of written.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(outDir, rel), 'utf8');
      expect(html.split(tag).length - 1, rel).toBe(1);
      expect(html, rel).toContain('<script type="application/json" id="inkling-recipes">');
      expect(html, rel).toContain('<div id="inkling-panel-root"></div>');
      // shop.js is a plain classic script: it runs during parsing, so before DOMContentLoaded, when the SDK reads the page.
      expect(html, rel).toContain('<script src="/shop.js"></script>');
      // Fully offline: no absolute or data: URL anywhere in src/href attributes.
      expect(html, rel).not.toMatch(/(?:src|href)="(?:(?:https?:)?\/\/|data:)/);
      // No inline styles or inline executable scripts, so the demo runs under CSP default-src 'self'.
      expect(html, rel).not.toContain(' style="');
      expect(html.match(/<script(?![^>]*\b(?:src|type="application\/json")[^>]*>)[^>]*>/g), rel).toBeNull();
    }
  });

  it('declares valid recipes, and the rail pins the promoted item it shows', () => {
    const doc = parse('index.html');
    const recipes = JSON.parse(doc.getElementById('inkling-recipes')?.textContent ?? '') as Record<
      string,
      Record<string, unknown>
    >;
    const strategies: readonly StrategyName[] = ['personal', 'trending', 'recent', 'similar', 'original'];
    for (const [name, recipe] of Object.entries(recipes)) {
      const list = recipe.strategies as { use: StrategyName; weight: number }[];
      expect(list.length, name).toBeGreaterThan(0);
      for (const s of list) expect(strategies.includes(s.use) && s.weight > 0, name).toBe(true);
      // Sold-out items are never put forward, on the home grid as on the rail.
      expect(recipe.exclude, name).toEqual(
        expect.arrayContaining([{ purchased: { within: '30d' } }, { dismissed: true }, { where: { inStock: false } }]),
      );
      expect(recipe.cap, name).toMatchObject({ impressionsWithoutClick: 5, within: '1h' });
      expect(recipe.diversity, name).toEqual({ field: 'category', maxPerTop: { k: 10, max: 3 } });
    }
    const rail = doc.querySelector('[data-inkling-slot="home-rail"]');
    expect(rail?.getAttribute('data-inkling-recipe')).toBe('home-rail');
    const pin = recipes['home-rail']?.pin as Record<string, number>;
    const promoted = catalog.products.find((p) => p.promoted)?.id ?? '';
    expect(pin).toEqual({ [promoted]: 0 });
    expect(slotItems(doc, 'home-rail')).toContain(promoted);
  });

  it('builds a home page with a ~12-item rail, a 60+ item grid in 6+ categories and articles', () => {
    const doc = parse('index.html');
    const rail = slotItems(doc, 'home-rail');
    expect(rail.length).toBeGreaterThanOrEqual(10);
    expect(rail.length).toBeLessThanOrEqual(14);
    const grid = slotItems(doc, 'home-grid');
    expect(grid.length).toBeGreaterThanOrEqual(60);
    expect(new Set(grid.map((id) => byId.get(id)?.category)).size).toBeGreaterThanOrEqual(6);
    expect(slotItems(doc, 'home-articles').every((id) => id.startsWith('art-'))).toBe(true);
    const names = [...doc.querySelectorAll('[data-inkling-slot]')].map((s) => s.getAttribute('data-inkling-slot'));
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists each category in full on its page, and every article on articles.html', () => {
    for (const c of catalog.categories) {
      const ids = slotItems(parse(`category/${c.slug}.html`), `category-${c.slug}`);
      expect(new Set(ids)).toEqual(new Set(catalog.products.filter((p) => p.category === c.slug).map((p) => p.id)));
    }
    expect(slotItems(parse('articles.html'), 'articles')).toHaveLength(catalog.articles.length);
  });

  it('marks product pages with data-inkling-view and purchase / add_to_cart buttons', () => {
    for (const p of catalog.products) {
      const html = readFileSync(path.join(outDir, `p/${p.id}.html`), 'utf8');
      expect(html, p.id).toContain(`data-inkling-view="${p.id}"`);
      expect(html, p.id).toContain(`data-inkling-action="purchase" data-inkling-item-ref="${p.id}"`);
      expect(html, p.id).toContain(`data-inkling-action="add_to_cart" data-inkling-item-ref="${p.id}"`);
    }
    // Parse a sample in full (parsing all 200+ would dominate the test's run time).
    for (const p of catalog.products.filter((_, i) => i % 15 === 0)) {
      const doc = parse(`p/${p.id}.html`);
      const views = doc.querySelectorAll('[data-inkling-view]');
      expect(views.length, p.id).toBe(1);
      expect(expectItemAttributes(views[0] as Element, 'data-inkling-view')).toBe(p.id);
      expect(slotItems(doc, 'product-related')).not.toContain(p.id);
    }
  });

  it('gives the confirmation page an order element for data-inkling-purchase, and links resolve', () => {
    const checkout = parse('checkout.html');
    expect(checkout.querySelector('#order-confirmation[data-order]')).not.toBeNull();
    // shop.js draws order rows with each bought item's attributes, taken from this embedded map.
    const embedded = JSON.parse(checkout.getElementById('demo-catalog')?.textContent ?? '{}') as Record<
      string,
      unknown[]
    >;
    expect(Object.keys(embedded)).toHaveLength(catalog.products.length);
    for (const p of catalog.products) expect(embedded[p.id]?.[4], p.id).toContain(`data-inkling-item="${p.id}" `);
    for (const rel of ['index.html', 'cart.html', 'a/art-1.html', `p/${catalog.products[0]?.id}.html`]) {
      // /react/ is the React example, built beside the shop by demo/react/build.mjs.
      for (const a of parse(rel).querySelectorAll('a[href^="/"]:not([href="/react/"])')) {
        const href = a.getAttribute('href') ?? '';
        expect(existsSync(path.join(outDir, href === '/' ? 'index.html' : href)), `${rel} -> ${href}`).toBe(true);
      }
    }
  });
});
