// Small HTML helpers shared by every page: escaping, the Inkling data-attribute set, and tiles.
// The data-inkling-* attributes are the demo's whole contract with the SDK; see demo/README.md.
import { glyphSvg } from './glyphs.mjs';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content or a double-quoted attribute. */
export function esc(value) {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** `$1,234.50`: the shop's display price (attributes carry the plain number instead). */
export function money(value) {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Renders `{name: value}` as ` name="value"` pairs, skipping null/undefined values. */
export function attrs(map) {
  return Object.entries(map)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${esc(value)}"`))
    .join('');
}

/**
 * The attributes the SDK reads to build an `Item`. `idAttr` is `data-inkling-item` on tiles and
 * `data-inkling-view` on a product page's main element. Optional fields are left out rather than
 * written empty, so that the SDK never has to tell "no brand" from `brand=""`.
 */
export function itemAttrs(entry, idAttr = 'data-inkling-item') {
  return attrs({
    [idAttr]: entry.id,
    'data-inkling-title': entry.title,
    'data-inkling-category': entry.category,
    'data-inkling-tags': entry.tags.join(','),
    'data-inkling-brand': entry.brand,
    'data-inkling-price': entry.price === undefined ? undefined : String(entry.price),
    'data-inkling-popularity': String(entry.popularity),
    'data-inkling-published': new Date(entry.publishedAt).toISOString(),
    // Written only when false: in stock is the default and most tiles need not say it.
    'data-inkling-in-stock': entry.inStock === false ? 'false' : undefined,
    'data-inkling-repurchase': entry.repurchase,
  });
}

/** Product URL from the site root (the demo server serves demo/dist at `/`). */
export const productHref = (id) => `/p/${id}.html`;
/** Article URL from the site root. */
export const articleHref = (id) => `/a/${id}.html`;
/** Category page URL from the site root. */
export const categoryHref = (slug) => `/category/${slug}.html`;

/**
 * The class that gives an element its item colour (`--c`); build.mjs writes one rule per colour
 * into styles.css. A class, not style="", so that the pages work under a strict CSP.
 */
export function colourClass(hex) {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`demo: bad colour "${hex}"`);
  return `c-${hex.slice(1).toLowerCase()}`;
}

/** The CSS rules behind `colourClass()` for every colour in `hexes`. */
export function colourRules(hexes) {
  return [...new Set(hexes)]
    .sort()
    .map((hex) => `.${colourClass(hex)} { --c: ${hex.toLowerCase()}; }`)
    .join('\n');
}

/** The drawn product image: a tinted square-ish panel with the category glyph in the item colour. */
export function art(entry, className = 'art') {
  return `<div class="${className} ${colourClass(entry.colour)}">${glyphSvg(entry.glyph)}</div>`;
}

function badges(product, isNew) {
  const list = [];
  if (product.promoted) list.push('<span class="badge badge-promo">Featured</span>');
  if (product.was)
    list.push(`<span class="badge badge-sale">-${Math.round(100 * (1 - product.price / product.was))}%</span>`);
  else if (isNew) list.push('<span class="badge badge-new">New</span>');
  if (!product.inStock) list.push('<span class="badge badge-oos">Sold out</span>');
  return list.length ? `<div class="badges">${list.join('')}</div>` : '';
}

/** Price line: current price, and the old one struck through for outlet items. */
export function priceHtml(product) {
  const was = product.was ? ` <s class="was" aria-label="was ${money(product.was)}">${money(product.was)}</s>` : '';
  return `<span class="price${product.was ? ' price-sale' : ''}">${money(product.price)}</span>${was}`;
}

/**
 * A product tile: an `<li>` carrying the item's attributes, a real link (stretched over the whole
 * card) and a sibling "Not interested" button, since a button may not sit inside a link.
 */
export function productTile(product, { isNew = false, categoryName = product.category } = {}) {
  const stars = (3 + product.popularity / 50).toFixed(1);
  return `<li class="tile"${itemAttrs(product)}>
  ${art(product)}${badges(product, isNew)}
  <div class="tile-body">
    <p class="tile-kicker">${esc(product.brand)} · ${esc(categoryName)}</p>
    <h3 class="tile-title"><a class="tile-link" href="${productHref(product.id)}">${esc(product.title)}</a></h3>
    <p class="tile-meta">${priceHtml(product)}<span class="rating" aria-label="rated ${stars} out of 5">★ ${stars}</span></p>
  </div>
  <button type="button" class="dismiss" data-inkling-action="dismiss" data-inkling-item-ref="${esc(product.id)}" aria-label="Not interested in ${esc(product.title)}" title="Not interested">${closeIcon}</button>
</li>`;
}

const closeIcon =
  '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

/** An article card: same contract as a product tile, without price or brand. */
export function articleTile(article, topicName) {
  const date = new Date(article.publishedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `<li class="tile tile-article"${itemAttrs(article)}>
  ${art(article, 'art art-article')}
  <div class="tile-body">
    <p class="tile-kicker">${esc(topicName)} · ${article.minutes} min read</p>
    <h3 class="tile-title"><a class="tile-link" href="${articleHref(article.id)}">${esc(article.title)}</a></h3>
    <p class="tile-meta"><time datetime="${new Date(article.publishedAt).toISOString()}">${date}</time></p>
  </div>
  <button type="button" class="dismiss" data-inkling-action="dismiss" data-inkling-item-ref="${esc(article.id)}" aria-label="Not interested in ${esc(article.title)}" title="Not interested">${closeIcon}</button>
</li>`;
}

/**
 * A slot: the container the SDK may reorder. `recipe` names an entry in the page's recipes block.
 * `variant` picks the layout (`grid`, `rail` or `list`); every variant gives tiles a fixed size so
 * that a reorder moves boxes of identical shape and never shifts the layout.
 */
export function slot(name, tiles, { variant = 'grid', recipe, label } = {}) {
  return `<ul class="slot slot-${variant}"${attrs({ 'data-inkling-slot': name, 'data-inkling-recipe': recipe, 'aria-label': label })}>
${tiles.join('\n')}
</ul>`;
}
