import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The fixture grid's original order: three categories dealt round-robin. */
export const ORIGINAL_ORDER = ['s1', 't1', 's2', 'j1', 't2', 's3', 'j2', 't3', 'j3'];
const CATEGORY: Record<string, string> = { s: 'shoes', t: 'tents', j: 'jackets' };

/** Where generated fixture pages live (gitignored); each test file writes its own subfolder. */
export function fixtureDir(name: string): string {
  const dir = path.resolve('test-results', 'fixtures', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A shop page: a 4-column grid of 9 tiles (three rows, so removing one tile would shorten it), a
 * paragraph under it that a shift would move, and `head`/`tail` markup (the tag, config scripts).
 * Styles come from /fixture.css, never inline, so the page works under a strict CSP.
 */
export function shopPage(options: { head?: string; tail?: string; title?: string } = {}): string {
  const tiles = ORIGINAL_ORDER.map(
    (id) =>
      `<li data-inkling-item="${id}" data-inkling-category="${CATEGORY[id[0]!]}"><a href="/product.html?id=${id}">${id}</a></li>`,
  ).join('\n    ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="/favicon.svg">
  <link rel="stylesheet" href="/fixture.css">
  <title>${options.title ?? 'Fixture shop'}</title>
  ${options.head ?? ''}
</head>
<body>
  <ul id="grid" data-inkling-slot="grid">
    ${tiles}
  </ul>
  <p id="below">Content under the grid: any change in the grid's height would move this.</p>
  ${options.tail ?? ''}
</body>
</html>
`;
}

/** A product page that records a view and offers "buy", for building a returning visitor's history. */
export function productPage(head: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>Fixture product</title>${head}</head>
<body><main id="product" data-inkling-view="" data-inkling-category=""></main>
<button id="buy" data-inkling-action="purchase">Buy</button>
<script src="/product.js"></script></body></html>
`;
}

const CSS = `ul{display:grid;grid-template-columns:repeat(4,120px);gap:8px;list-style:none;padding:0;margin:0}
li{height:60px;border:1px solid #999}body{margin:8px;font:14px sans-serif}`;
const PRODUCT_JS = `(function(){var id=new URLSearchParams(location.search).get('id');var c={s:'shoes',t:'tents',j:'jackets'}[id[0]];
var m=document.getElementById('product');m.setAttribute('data-inkling-view',id);m.setAttribute('data-inkling-category',c);m.textContent=id;
document.getElementById('buy').setAttribute('data-inkling-item-ref',id);})();`;

/** Writes pages plus the shared CSS, favicon and product script into `dir`. */
export function writeSite(dir: string, pages: Record<string, string>): void {
  writeFileSync(path.join(dir, 'fixture.css'), CSS);
  writeFileSync(path.join(dir, 'product.js'), PRODUCT_JS);
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  for (const [name, html] of Object.entries(pages)) writeFileSync(path.join(dir, name), html);
}

/**
 * Gives the visitor a taste for tents through the public API (as clicks on the fixture page would),
 * waits until the engine has stored it, and marks the browser as a returning visitor.
 */
export async function teachTents(page: import('playwright-core').Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as { Inkling?: { track?: unknown } }).Inkling?.track === 'function');
  await page.evaluate(async () => {
    const inkling = (
      window as unknown as {
        Inkling: { track(e: object): void; flush(): Promise<void>; export(): Promise<{ events: unknown[] }> };
      }
    ).Inkling;
    for (const itemId of ['t2', 't3', 't2'])
      inkling.track({ type: 'click', itemId, itemListId: 'grid', item: { category: 'tents' } });
    await inkling.flush();
    localStorage.setItem('inkling:returning', '1');
  });
}

/** Builds the demo shop (and, if asked, the React example, unminified for speed) into test-results/. */
export async function buildDemoSite(name: string, withReact = false): Promise<string> {
  const dir = path.resolve('test-results', name);
  const { buildDemo } = await import('../../demo/build.mjs');
  buildDemo(dir);
  if (withReact) {
    const { buildReact } = await import('../../demo/react/build.mjs');
    await buildReact(path.join(dir, 'react'), { minify: false });
  }
  return dir;
}
