// Builds the React example into demo/dist/react/ (or any directory): a client bundle with rollup, and
// each route pre-rendered with react-dom/server so that the page hydrates. `node demo/react/build.mjs [outDir]`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import ts from 'typescript';
import { header } from '../lib/layout.mjs';
import { spriteSvg } from '../lib/glyphs.mjs';
import { colourClass, money } from '../lib/markup.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

/** Two routes of a framework-owned list: gear from six departments, and the journal. */
export function reactData(catalog) {
  const name = Object.fromEntries([...catalog.categories, ...catalog.articleTopics].map((c) => [c.slug, c.name]));
  const departments = ['running', 'hiking', 'tents', 'jackets', 'backpacks', 'cycling'];
  const gear = [];
  for (let row = 0; row < 4; row += 1) {
    for (const slug of departments) {
      const product = catalog.products
        .filter((p) => p.category === slug && p.inStock)
        .sort((a, b) => b.popularity - a.popularity)[row];
      if (product) gear.push(product);
    }
  }
  const item = (entry, href) => ({
    id: entry.id,
    title: entry.title,
    category: entry.category,
    tags: entry.tags,
    popularity: entry.popularity,
    publishedAt: entry.publishedAt,
    ...(entry.price === undefined ? {} : { price: entry.price }),
    ...(entry.brand ? { brand: entry.brand } : {}),
    href,
    kicker: entry.brand ? `${entry.brand} · ${name[entry.category]}` : name[entry.category],
    // The shop's tile look: its drawn image (colour class and glyph) and its price line.
    art: colourClass(entry.colour),
    glyph: entry.glyph,
    ...(entry.price === undefined ? {} : { priceText: money(entry.price) }),
  });
  const articles = [...catalog.articles].sort((a, b) => b.publishedAt - a.publishedAt).slice(0, 12);
  return {
    routes: {
      '/react/': { title: 'Gear picks', slot: 'react-gear', items: gear.map((p) => item(p, `/p/${p.id}.html`)) },
      '/react/journal.html': {
        title: 'From the journal',
        slot: 'react-journal',
        items: articles.map((a) => item(a, `/a/${a.id}.html`)),
      },
    },
  };
}

/**
 * TypeScript without a type-checking program (tsc --noEmit checks the types; a program here cost 30 s
 * per build): transpile each file, and map the `./x.js` specifiers of the sources to `./x.ts(x)`.
 */
const transpile = {
  name: 'transpile-ts',
  resolveId(source, importer) {
    if (!importer || !/\.tsx?$/.test(importer) || !source.startsWith('.') || !source.endsWith('.js')) return null;
    for (const ext of ['.ts', '.tsx']) {
      const candidate = path.resolve(path.dirname(importer), source.slice(0, -3) + ext);
      if (existsSync(candidate)) return candidate;
    }
    return null;
  },
  transform(code, id) {
    if (!/\.tsx?$/.test(id)) return null;
    const { outputText, sourceMapText } = ts.transpileModule(code, {
      fileName: id,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        jsx: ts.JsxEmit.ReactJSX,
        sourceMap: true,
        verbatimModuleSyntax: true,
      },
    });
    return { code: outputText, map: sourceMapText };
  },
};
// React reads process.env.NODE_ENV; a browser has no `process`.
const production = {
  name: 'node-env',
  transform: (code) =>
    code.includes('process.env.NODE_ENV') ? code.replaceAll('process.env.NODE_ENV', '"production"') : null,
};
const quiet = (warning, warn) =>
  warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning);

function pageHtml(title, body, data, categories) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · React example · Trailhead Outfitters</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/styles.css">
<script type="module" src="/react/app.js"></script>
</head>
<body data-react-example>
${spriteSvg()}
${header(categories, 'react')}
<main class="main"><div id="root">${body}</div></main>
<script type="application/json" id="react-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
</body>
</html>
`;
}

/** Writes `app.js` (+ chunks) and one pre-rendered HTML page per route into `outDir`. */
export async function buildReact(outDir = path.join(repo, 'demo', 'dist', 'react'), { minify = true } = {}) {
  const out = path.resolve(outDir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const catalog = JSON.parse(readFileSync(path.join(repo, 'demo', 'catalog.json'), 'utf8'));
  const data = reactData(catalog);

  const client = await rollup({
    input: path.join(here, 'client.tsx'),
    plugins: [production, nodeResolve({ browser: true }), commonjs(), json(), transpile],
    onwarn: quiet,
  });
  await client.write({
    dir: out,
    format: 'es',
    entryFileNames: 'app.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    plugins: minify ? [terser({ ecma: 2020, module: true })] : [],
  });
  await client.close();

  const ssrDir = path.join(out, '.ssr');
  const server = await rollup({
    input: path.join(here, 'app.tsx'),
    external: [/^react/],
    plugins: [transpile],
    onwarn: quiet,
  });
  await server.write({ dir: ssrDir, format: 'es', entryFileNames: 'app.mjs' });
  await server.close();
  const [{ App }, { createElement }, { renderToString }] = await Promise.all([
    import(pathToFileURL(path.join(ssrDir, 'app.mjs')).href),
    import('react'),
    import('react-dom/server'),
  ]);
  rmSync(ssrDir, { recursive: true, force: true });
  for (const [route, { title }] of Object.entries(data.routes)) {
    const file = route.endsWith('/') ? `${route}index.html` : route;
    writeFileSync(
      path.join(out, path.relative('/react', file)),
      pageHtml(title, renderToString(createElement(App, { data, path: route })), data, catalog.categories),
    );
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const out = await buildReact(process.argv[2]);
  console.log(
    `demo: built the React example into ${path.relative(process.cwd(), out)} in ${Math.round(performance.now() - started)} ms`,
  );
}
