// The non-product pages: the article list, article pages, the cart and the order confirmation.
import { esc, art, itemAttrs, slot } from './markup.mjs';

/** The article list: every article, newest first, in the `articles` slot. */
export function articlesBody(ctx) {
  const list = [...ctx.catalog.articles].sort((a, b) => b.publishedAt - a.publishedAt);
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <span aria-current="page">Articles</span></nav>
<section class="cat-hero"><div><h1>The journal</h1><p class="muted">Guides, field tests and shop news from the Trailhead team. <span class="count">${list.length} articles</span></p></div></section>
${slot('articles', list.map(ctx.articleCard), { variant: 'cards', label: 'Articles' })}`;
}

// Filler copy for article pages, chosen by topic so that each page reads plausibly.
const PARAGRAPHS = {
  guides: [
    'Start with the terrain you actually walk, not the one in the brochure. Most days out are on good paths, and the right gear for them is lighter and cheaper than you think.',
    'Try things on late in the day, when your feet are at their largest, and walk down a slope before you decide.',
  ],
  'trail-running': [
    'Trail running rewards patience. Shorten your stride on climbs, look three steps ahead on descents, and let the watch go quiet for a while.',
    'Grip matters more than cushioning on wet rock; lug depth and rubber compound are the numbers worth reading.',
  ],
  camping: [
    'A good night outside is mostly about what is under you. Insulation from the ground beats a warmer bag almost every time.',
    'Pitch before dark, facing the door away from the wind, and leave the place as you found it.',
  ],
  cycling: [
    'Comfort on the bike is fit first and kit second. Saddle height and reach fix more aches than any upgrade.',
    'Be seen before you need to be: a steady rear light in daylight is the cheapest safety gear there is.',
  ],
  'gear-care': [
    'Most gear fails from neglect, not wear. A gentle wash and a proper dry restore more performance than people expect.',
    'Read the care label, skip the fabric softener, and reproof only when water stops beading.',
  ],
  nutrition: [
    'Fuel early and little: a gel every 30 to 45 minutes works better than a rescue snack at the wall.',
    'Practise race-day fuelling in training; a stomach learns like any muscle.',
  ],
  news: [
    'We have been busy behind the counter this season, and here is what is new in the shop.',
    'As always, everything comes with free returns for 60 days and repairs for life on our own-brand kit.',
  ],
};

/** An article page: the article (`data-inkling-view`) and the products it features. */
export function articleBody(ctx, article) {
  const featured = article.features.map((id) => ctx.byId.get(id)).filter(Boolean);
  const date = new Date(article.publishedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const paragraphs = PARAGRAPHS[article.category] ?? PARAGRAPHS.guides;
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <a href="/articles.html">Articles</a> / <span aria-current="page">${esc(article.title)}</span></nav>
<article class="article"${itemAttrs(article, 'data-inkling-view')}>
  ${art(article, 'art art-banner')}
  <p class="tile-kicker">${esc(ctx.topicName[article.category])} · ${article.minutes} min read · <time datetime="${new Date(article.publishedAt).toISOString()}">${date}</time></p>
  <h1>${esc(article.title)}</h1>
  ${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n  ')}
  <ul class="chips">${article.tags.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>
</article>
<section class="section" aria-labelledby="featured-title">
  <div class="section-head"><div><h2 id="featured-title">Gear in this article</h2></div></div>
  ${slot('article-products', featured.map(ctx.tile), { variant: 'rail', label: 'Gear in this article' })}
</section>`;
}

/**
 * The compact catalog that shop.js needs to draw cart rows and the order summary:
 * id -> [title, price, glyph, colour] and, `withAttributes`, the item's data-inkling-* attributes
 * (already escaped), so that order rows can tell the SDK what the bought items were.
 */
function cartCatalogJson(catalog, withAttributes = false) {
  const map = Object.fromEntries(
    catalog.products.map((p) => {
      const entry = [p.title, p.price, p.glyph, p.colour];
      return [p.id, withAttributes ? [...entry, itemAttrs(p)] : entry];
    }),
  );
  return `<script type="application/json" id="demo-catalog">${JSON.stringify(map).replace(/</g, '\\u003c')}</script>`;
}

/** The cart: rendered by shop.js from localStorage; "Place order" goes to checkout.html. */
export function cartBody(ctx) {
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <span aria-current="page">Cart</span></nav>
<section class="cart" aria-labelledby="cart-title">
  <h1 id="cart-title">Your cart</h1>
  <div class="cart-layout">
    <ul class="cart-rows" data-cart-rows aria-live="polite"></ul>
    <aside class="cart-summary">
      <p class="summary-line"><span>Subtotal</span><b data-cart-total>$0.00</b></p>
      <p class="muted">Shipping is free on this demo shop.</p>
      <button type="button" class="btn btn-primary btn-block" data-place-order disabled>Place order</button>
    </aside>
  </div>
  <p class="empty muted" data-cart-empty>Your cart is empty. <a href="/">Keep shopping</a>.</p>
  <noscript><p>The demo cart needs JavaScript.</p></noscript>
</section>
${cartCatalogJson(ctx.catalog)}`;
}

/**
 * The order confirmation. shop.js fills `[data-order]` from the pending order and, for a fresh order
 * only, sets `data-inkling-purchase`, `data-inkling-order-id` and `data-inkling-value` on it before
 * the deferred SDK runs; each order row carries the bought item's `data-inkling-item` attributes
 * (outside any slot), so that the SDK can snapshot the purchased items' category, tags and price.
 * A reload shows the same order without the purchase attributes.
 */
export function checkoutBody(ctx) {
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <span aria-current="page">Order confirmation</span></nav>
<section class="confirmation" id="order-confirmation" data-order aria-labelledby="order-title">
  <h1 id="order-title" data-order-title>No recent order</h1>
  <p class="muted" data-order-note>When you buy something, your order confirmation appears here.</p>
  <ul class="cart-rows" data-order-rows></ul>
  <p class="summary-line" data-order-total-line hidden><span>Total paid</span><b data-order-total></b></p>
  <p><a class="btn btn-ghost" href="/">Continue shopping</a></p>
</section>
${cartCatalogJson(ctx.catalog, true)}`;
}
