// The shop's product pages: home, category grids and product detail pages.
// Each function returns the <main> content; build.mjs wraps it in the shared layout.
import { glyphSvg } from './glyphs.mjs';
import { esc, art, itemAttrs, priceHtml, productTile, articleTile, slot, categoryHref } from './markup.mjs';

const NEW_WITHIN_MS = 30 * 86_400_000;
const byPopularity = (a, b) => b.popularity - a.popularity || a.id.localeCompare(b.id, 'en', { numeric: true });

/** Shared helpers bound to one catalog. */
export function shopContext(catalog) {
  const referenceTime = Date.parse(catalog.generatedFrom.referenceTime);
  const categoryName = Object.fromEntries(catalog.categories.map((c) => [c.slug, c.name]));
  const topicName = Object.fromEntries(catalog.articleTopics.map((t) => [t.slug, t.name]));
  const tile = (p) =>
    productTile(p, { isNew: referenceTime - p.publishedAt < NEW_WITHIN_MS, categoryName: categoryName[p.category] });
  const articleCard = (a) => articleTile(a, topicName[a.category]);
  const byId = new Map([...catalog.products, ...catalog.articles].map((e) => [e.id, e]));
  return { catalog, categoryName, topicName, tile, articleCard, byId };
}

/**
 * The home rail's original order: the promoted item, then the most popular in-stock items with at
 * most two per category, so that a first-time visitor already sees a varied rail.
 */
export function homeRailItems(catalog, size = 12) {
  const promoted = catalog.products.find((p) => p.promoted);
  const perCategory = new Map([[promoted.category, 1]]);
  const picks = [promoted];
  for (const p of [...catalog.products].sort(byPopularity)) {
    if (picks.length >= size) break;
    if (p === promoted || !p.inStock || (perCategory.get(p.category) ?? 0) >= 2) continue;
    perCategory.set(p.category, (perCategory.get(p.category) ?? 0) + 1);
    picks.push(p);
  }
  return picks;
}

/** The home grid's original order: the top `perCategory` of each category, dealt round-robin. */
export function homeGridItems(catalog, perCategory = 7) {
  const columns = catalog.categories.map((c) =>
    catalog.products
      .filter((p) => p.category === c.slug)
      .sort(byPopularity)
      .slice(0, perCategory),
  );
  const out = [];
  for (let row = 0; row < perCategory; row += 1) for (const col of columns) if (col[row]) out.push(col[row]);
  return out;
}

function sectionHead(title, sub, link) {
  const more = link ? `<a class="more" href="${link.href}">${esc(link.label)} →</a>` : '';
  return `<div class="section-head"><div><h2>${esc(title)}</h2>${sub ? `<p class="muted">${esc(sub)}</p>` : ''}</div>${more}</div>`;
}

const HERO_ART = `<svg class="hero-art" viewBox="0 0 600 300" preserveAspectRatio="xMidYMax slice" aria-hidden="true" focusable="false">
<circle cx="470" cy="90" r="46" fill="#fbbf24" opacity=".9"/>
<path d="M0 230L120 110l70 70 90-120 110 130 60-50 150 110v50H0z" fill="#1d6b4a"/>
<path d="M280 60l26 30-16-4-10 14-12-12-14 2z" fill="#e8f5ee"/>
<path d="M0 260l150-80 110 60 120-70 220 110v20H0z" fill="#0f5132"/>
<path d="M0 300v-24c80-20 160-20 240 0s200 20 360-8v32z" fill="#0a3d26"/>
</svg>`;

/** Home: hero, "Recommended for you" rail, categories, the product grid and the latest articles. */
export function homeBody(ctx) {
  const { catalog, tile, articleCard, categoryName } = ctx;
  const counts = Object.fromEntries(
    catalog.categories.map((c) => [c.slug, catalog.products.filter((p) => p.category === c.slug).length]),
  );
  const cards = catalog.categories
    .map(
      (c) =>
        `<li><a class="cat-card" href="${categoryHref(c.slug)}"><span class="cat-glyph">${glyphSvg(c.slug)}</span><span><b>${esc(categoryName[c.slug])}</b><small>${counts[c.slug]} products</small></span></a></li>`,
    )
    .join('');
  const latest = [...catalog.articles].sort((a, b) => b.publishedAt - a.publishedAt).slice(0, 8);
  return `<section class="hero">
  <div class="hero-copy">
    <p class="eyebrow">Autumn–winter 2026</p>
    <h1>Gear for the long way round.</h1>
    <p>Shoes, shells and shelters tested on real trails. The picks below learn what you like, right here in your browser.</p>
    <p class="hero-cta"><a class="btn btn-primary" href="/category/jackets.html">Shop jackets</a> <a class="btn btn-ghost" href="/category/outlet.html">Visit the outlet</a></p>
  </div>
  ${HERO_ART}
</section>
<section class="section" aria-labelledby="rail-title">
  <div class="section-head"><div><h2 id="rail-title">Recommended for you</h2><p class="muted">Personalized on this device. What you browse stays in your browser.</p></div></div>
  ${slot('home-rail', homeRailItems(catalog).map(tile), { variant: 'rail', recipe: 'home-rail', label: 'Recommended for you' })}
</section>
<section class="section" aria-label="Shop by category">
  ${sectionHead('Shop by category', '', null)}
  <ul class="cat-grid">${cards}</ul>
</section>
<section class="section" aria-labelledby="grid-title">
  <div class="section-head"><div><h2 id="grid-title">Popular right now</h2><p class="muted">Best sellers from every department.</p></div></div>
  ${slot('home-grid', homeGridItems(catalog).map(tile), { label: 'Popular right now' })}
</section>
<section class="section" aria-labelledby="news-title">
  <div class="section-head"><div><h2 id="news-title">From the journal</h2><p class="muted">Guides, reviews and shop news.</p></div><a class="more" href="/articles.html">All articles →</a></div>
  ${slot('home-articles', latest.map(articleCard), { variant: 'cards', label: 'From the journal' })}
</section>`;
}

/** A category page: header and a grid of every product in the category, most popular first. */
export function categoryBody(ctx, category) {
  const products = ctx.catalog.products.filter((p) => p.category === category.slug).sort(byPopularity);
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <span aria-current="page">${esc(category.name)}</span></nav>
<section class="cat-hero">
  <span class="cat-glyph cat-glyph-lg">${glyphSvg(category.slug)}</span>
  <div><h1>${esc(category.name)}</h1><p class="muted">${esc(category.blurb)} <span class="count">${products.length} products</span></p></div>
</section>
${slot(`category-${category.slug}`, products.map(ctx.tile), { label: category.name })}`;
}

const TAG_COPY = {
  waterproof: 'keeps the weather out',
  lightweight: 'barely-there weight',
  cushioned: 'soft, protective cushioning',
  recycled: 'made with recycled materials',
  packable: 'packs into its own pocket',
  ultralight: 'ultralight build',
  'carbon-plate': 'a propulsive carbon plate',
  'gore-tex': 'a GORE-TEX membrane',
  merino: 'odour-resistant merino',
  vegan: 'vegan materials',
  hydration: 'room for a hydration bladder',
  mips: 'MIPS rotational protection',
  'chlorine-resistant': 'chlorine-resistant fabric',
  'non-slip': 'grippy, non-slip surface',
  eco: 'low-impact materials',
};

/** A product page: the viewed item (`data-inkling-view`), its buttons and a related-items rail. */
export function productBody(ctx, product) {
  const { catalog, categoryName, tile } = ctx;
  const features = product.tags.map((t) => TAG_COPY[t]).filter(Boolean);
  const related = catalog.products
    .filter(
      (p) => p.id !== product.id && (p.category === product.category || p.tags.some((t) => product.tags.includes(t))),
    )
    .sort(byPopularity)
    .slice(0, 8);
  const stock = product.inStock
    ? '<p class="stock in">In stock · ships in 1–2 days</p>'
    : '<p class="stock out">Sold out · back soon</p>';
  const repurchase = product.repurchase
    ? `<p class="note">Most customers reorder this about every ${esc(product.repurchase.replace('d', ' days'))}.</p>`
    : '';
  const disabled = product.inStock ? '' : ' disabled';
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <a href="${categoryHref(product.category)}">${esc(categoryName[product.category])}</a> / <span aria-current="page">${esc(product.title)}</span></nav>
<article class="product"${itemAttrs(product, 'data-inkling-view')}>
  ${art(product, 'art art-hero')}
  <div class="product-info">
    <p class="tile-kicker">${esc(product.brand)} · ${esc(categoryName[product.category])}</p>
    <h1>${esc(product.title)}</h1>
    <p class="product-price">${priceHtml(product)}</p>
    ${stock}
    <p>${esc(product.title)} ${features.length ? `brings ${esc(features.join(', '))}` : 'is a trusted favourite of our staff'}. Free returns within 60 days.</p>
    <ul class="chips">${product.tags.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>
    ${repurchase}
    <div class="buy">
      <button type="button" class="btn btn-primary" data-inkling-action="add_to_cart" data-inkling-item-ref="${esc(product.id)}"${disabled}>Add to cart</button>
      <button type="button" class="btn btn-dark" data-inkling-action="purchase" data-inkling-item-ref="${esc(product.id)}"${disabled}>Buy now</button>
    </div>
  </div>
</article>
<section class="section" aria-labelledby="related-title">
  <div class="section-head"><div><h2 id="related-title">You may also like</h2></div></div>
  ${slot('product-related', related.map(tile), { variant: 'rail', label: 'You may also like' })}
</section>`;
}
