// The page shell every demo page shares: head with the recipes block and the SDK tag (the async tag
// reads the recipes when it starts, so they come first), header nav, footer with the panel root, and
// shop.js last in <body>.
import { spriteSvg } from './glyphs.mjs';
import { esc, categoryHref } from './markup.mjs';

/**
 * The one line a site adds to use Inkling. `async` starts the engine while the page is still parsing;
 * `blocking="render"` lets the tag hide a returning visitor's slots before the first paint (the SDK
 * reads the page at DOMContentLoaded, so after shop.js either way; see README).
 */
export const SDK_TAG =
  '<script src="/dist/inkling.js" async blocking="render" data-inkling-panel="#inkling-panel-root" data-inkling-recipes="inkling-recipes"></script>';

/** The site icon, written to /favicon.svg (a file, not a data: URL, so a strict CSP allows it). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0f5132"/><path d="M10 48l16-26 9 14 6-8 13 20z" fill="#fbbf24"/></svg>\n';

const LOGO =
  '<svg class="logo-mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false"><rect width="64" height="64" rx="14" fill="currentColor"/><path d="M10 48l16-26 9 14 6-8 13 20z" fill="#fbbf24"/></svg>';

const CART_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/><circle cx="10" cy="20.5" r="1.5" fill="currentColor"/><circle cx="17" cy="20.5" r="1.5" fill="currentColor"/></svg>';

/** The shop's header: logo, main nav with the cart, and the category strip (`current` is highlighted). */
export function header(categories, current) {
  const link = (href, label, key) =>
    `<a href="${href}"${key === current ? ' aria-current="page"' : ''}>${esc(label)}</a>`;
  const cats = categories.map((c) => link(categoryHref(c.slug), c.name, `category-${c.slug}`)).join('');
  return `<header class="site-header">
  <div class="bar">
    <a class="logo" href="/">${LOGO}<span>Trailhead <b>Outfitters</b></span></a>
    <nav class="main-nav" aria-label="Main">
      ${link('/', 'Home', 'home')}${link('/category/running.html', 'Shop', 'shop')}${link('/articles.html', 'Articles', 'articles')}
      <a class="cart-link" href="/cart.html"${current === 'cart' ? ' aria-current="page"' : ''}>${CART_ICON}<span class="cart-label">Cart</span><span class="cart-count" data-cart-count aria-label="items in cart">0</span></a>
    </nav>
  </div>
  <nav class="cat-nav" aria-label="Categories"><div class="cat-scroll">${cats}</div></nav>
</header>`;
}

function footer() {
  return `<footer class="site-footer">
  <div class="footer-grid">
    <div>
      <p class="footer-brand">Trailhead Outfitters</p>
      <p class="muted">A demo shop for Inkling. Every product, price and article is invented; nothing on this site is fetched from anywhere else.</p>
    </div>
    <div>
      <p class="footer-title">Your privacy</p>
      <p class="muted">Recommendations on this site are computed in your browser. Nothing about what you browse leaves this device.</p>
      <p class="muted">The same catalog in a React app, ranked through the API: <a href="/react/">React example</a>.</p>
    </div>
  </div>
  <div id="inkling-panel-root"></div>
  <p class="muted fine">© 2026 Trailhead Outfitters (fictional). Built with plain HTML and CSS.</p>
</footer>`;
}

/**
 * A full HTML document. `pageType` becomes `data-inkling-page-type` on <body>, a hint the SDK may
 * use as ranking context; `recipes` is the JSON recipes block (same on every page).
 */
export function page({ title, pageType, current, categories, recipes, body, extraHead = '' }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Trailhead Outfitters</title>
<meta name="description" content="Trailhead Outfitters: a fictional outdoor shop demonstrating Inkling on-device personalization.">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/styles.css">
<script type="application/json" id="inkling-recipes">${JSON.stringify(recipes).replace(/</g, '\\u003c')}</script>
${SDK_TAG}${extraHead}
</head>
<body data-inkling-page-type="${esc(pageType)}">
${spriteSvg()}
<a class="skip-link" href="#main">Skip to content</a>
${header(categories, current)}
<main id="main" class="main">
${body}
</main>
${footer()}
<script src="/shop.js"></script>
</body>
</html>
`;
}
