// Builds the static demo shop from demo/catalog.json into demo/dist/ (or any directory).
// Plain Node ESM, no bundler: `node demo/build.mjs [outDir]`, or `buildDemo(outDir)` from code.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { page } from './lib/layout.mjs';
import { makeRecipes } from './lib/recipes.mjs';
import { shopContext, homeBody, categoryBody, productBody } from './lib/pages-shop.mjs';
import { articlesBody, articleBody, cartBody, checkoutBody } from './lib/pages-content.mjs';

const demoDir = path.dirname(fileURLToPath(import.meta.url));

/** Reads the committed catalog (regenerate it with `node demo/make-catalog.mjs`). */
export function loadCatalog() {
  return JSON.parse(readFileSync(path.join(demoDir, 'catalog.json'), 'utf8'));
}

// Marks a directory as ours, so that a rebuild may empty it without risking anything else.
const MARKER = '.inkling-demo-build';

/** Empties `out` if it is a previous build (or empty); refuses to touch any other directory. */
function prepareOutDir(out) {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`demo: refusing to empty ${out}: it is not empty and holds no ${MARKER} marker`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, MARKER), 'Built by demo/build.mjs; safe to delete.\n');
}

/**
 * Writes every page of the demo shop, plus styles.css and shop.js, into `outDir` (emptied first if
 * it holds a previous build). Returns the site-relative paths written, e.g. `p/sku-1.html`.
 */
export function buildDemo(outDir = path.join(demoDir, 'dist'), catalog = loadCatalog()) {
  const out = path.resolve(outDir);
  prepareOutDir(out);
  const written = [];
  const write = (rel, content) => {
    const file = path.join(out, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(rel);
  };

  const ctx = shopContext(catalog);
  const promoted = catalog.products.find((p) => p.promoted);
  const common = { categories: catalog.categories, recipes: makeRecipes(promoted.id) };

  write('index.html', page({ ...common, title: 'Outdoor gear, picked for you', pageType: 'home', current: 'home', body: homeBody(ctx) }));
  for (const category of catalog.categories) {
    write(`category/${category.slug}.html`, page({
      ...common, title: category.name, pageType: 'category', current: `category-${category.slug}`, body: categoryBody(ctx, category),
    }));
  }
  for (const product of catalog.products) {
    write(`p/${product.id}.html`, page({ ...common, title: product.title, pageType: 'product', current: `category-${product.category}`, body: productBody(ctx, product) }));
  }
  write('articles.html', page({ ...common, title: 'The journal', pageType: 'articles', current: 'articles', body: articlesBody(ctx) }));
  for (const article of catalog.articles) {
    write(`a/${article.id}.html`, page({ ...common, title: article.title, pageType: 'article', current: 'articles', body: articleBody(ctx, article) }));
  }
  write('cart.html', page({ ...common, title: 'Cart', pageType: 'cart', current: 'cart', body: cartBody(ctx) }));
  write('checkout.html', page({ ...common, title: 'Order confirmation', pageType: 'checkout', current: 'cart', body: checkoutBody(ctx) }));

  for (const asset of ['styles.css', 'shop.js']) {
    copyFileSync(path.join(demoDir, asset), path.join(out, asset));
    written.push(asset);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? path.join(demoDir, 'dist');
  const started = performance.now();
  const written = buildDemo(outDir);
  console.log(`demo: wrote ${written.length} files to ${path.relative(process.cwd(), path.resolve(outDir)) || '.'} in ${Math.round(performance.now() - started)} ms`);
}
