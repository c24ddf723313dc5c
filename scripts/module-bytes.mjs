// Where the main thread's bytes come from. Builds the script tag and the tracking module exactly as
// rollup.config.mjs does, with source maps, and gives each minified byte to the source module it came from.
// Per module: its minified bytes, its share of the bundle's gzip size (pro rata), and what gzip saves when
// its bytes are cut out of the bundle (the other modules' bytes compressed without it).
// `node scripts/module-bytes.mjs` (no build needed first); `--write-docs` writes the tables into docs/performance.md.
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';
import { rollup } from 'rollup';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import configs from '../rollup.config.mjs';
import { wantsDocs, writeBenchSection } from './bench-docs.mjs';

const gz = (text) => gzipSync(text, { level: 9 }).length;

/** Why each of the tag's modules runs on every page before the tracking module arrives. */
const WHY = {
  'src/inkling.ts': 'the API object (`window.Inkling`), the stub queue, the engine start',
  'src/page.ts': 'ranks every slot, reasons (`data-inkling-reason`), suppression on every fallback',
  'src/tag.ts': 'boot: options, concealment, queued calls, early clicks, lazy modules',
  'src/client.ts': 'starts the worker (blob for a CDN), in-thread fallback, replaces a stuck worker',
  'src/checks.ts': 'option and argument validation, privacy options fail closed',
  'src/slots/apply-order.ts': 'moves the items (fewest moves), hides removed ones without a shift',
  'src/rank-result.ts': 'rank(): argument checks, plain items to the worker, original order on fallback',
  'src/tracker/batcher.ts': 'event pipeline: batches to the worker, outbox parked for the next page',
  'src/rpc.ts': "comlink's wire protocol, a deadline on every call",
  'src/tag-options.ts': 'reads `data-inkling-*` and `InklingConfig`, recipes JSON errors',
  'src/track-input.ts': 'event pipeline: track() input checks',
  'src/slots/read-items.ts': 'reads items from their attributes',
  'src/event-pipeline.ts': "event pipeline: earlier pages' events sent before the first ranking",
  'src/slots/conceal.ts': "hides a returning visitor's slots before their first paint",
  'src/suppressed.ts': 'the bought and dismissed ids every fallback hides',
  'src/tracker/plain-event.ts': 'event pipeline: track() keeps plain, bounded data only',
  'src/privacy.ts': 'GPC, DNT, consent to a mode',
  'src/tracker/route-changes.ts': "event pipeline: a single-page app's route change is a new page view",
  'src/report.ts': 'errors once, `[inkling]`, via `onError`',
  'common/markup.ts': 'the `data-inkling-*` names',
  'src/tracker/session-journal.ts': 'event pipeline: `session` mode across the pages of a tab',
  'src/consent-sync.ts': 'consent and forget() across tabs and page loads',
  'src/mode-state.ts': 'the mode follows consent, pause and signals',
  'src/tracker/web-storage.ts': 'guarded Web Storage',
  'src/tracker/page-view.ts': 'event pipeline: page view ids',
  'src/returning.ts': 'the returning-visitor hint that decides concealment',
  'src/emitter.ts': '`on()` events',
  'common/storage-keys.ts': 'the Web Storage keys',
  'src/trusted.ts': 'Trusted Types policy for the worker URL',
  'common/messages.ts': "the worker's ready and warning messages",
};

/** Per-module bytes of one bundle built as rollup.config.mjs builds it. */
async function account(input) {
  const config = configs.find((c) => c.input === input);
  const build = await rollup({ ...config, onwarn: () => {} });
  const { output } = await build.generate({ ...config.output, file: undefined, dir: undefined, sourcemap: 'hidden' });
  await build.close();
  const { code, map } = output[0];
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  // Each mapped segment runs to the next one; unmapped bytes (the IIFE's wrapper) count as `(wrapper)`.
  const segments = [];
  eachMapping(new TraceMap(map), (m) =>
    segments.push({ at: lineStarts[m.generatedLine - 1] + m.generatedColumn, source: m.source }),
  );
  segments.sort((a, b) => a.at - b.at);
  const ranges = new Map([['(wrapper)', segments.length ? [[0, segments[0].at]] : []]]);
  segments.forEach((s, i) => {
    const end = i + 1 < segments.length ? segments[i + 1].at : code.length;
    const name = s.source ? relative(process.cwd(), s.source).replace(/^(\.\.\/)+/, '') : '(wrapper)';
    (ranges.get(name) ?? ranges.set(name, []).get(name)).push([s.at, end]);
  });
  const total = gz(code);
  const rows = [...ranges].map(([name, spans]) => {
    const keep = new Uint8Array(code.length).fill(1);
    for (const [a, b] of spans) keep.fill(0, a, b);
    let without = '';
    for (let i = 0; i < code.length; i++) if (keep[i]) without += code[i];
    const bytes = spans.reduce((n, [a, b]) => n + b - a, 0);
    return { name, bytes, share: (total * bytes) / code.length, cut: total - gz(without) };
  });
  // The event pipeline as one block: what the tag would save if all of it went to the tracking module.
  const pipeline = [...ranges].filter(([name]) => WHY[name]?.startsWith('event pipeline'));
  const keep = new Uint8Array(code.length).fill(1);
  for (const [, spans] of pipeline) for (const [a, b] of spans) keep.fill(0, a, b);
  let rest = '';
  for (let i = 0; i < code.length; i++) if (keep[i]) rest += code[i];
  const block = pipeline.length > 0 ? { modules: pipeline.length, cut: total - gz(rest) } : undefined;
  return {
    input,
    bytes: code.length,
    total,
    block,
    rows: rows.filter((r) => r.bytes > 0).sort((a, b) => b.bytes - a.bytes),
  };
}

const bundles = [
  ['`inkling.js` (script tag)', await account('src/tag.ts')],
  ['`inkling-track.js` (tracking module)', await account('src/page-watch.ts')],
];
const sections = bundles.map(([title, { bytes, total, rows, block }]) => {
  const tag = title.includes('script tag');
  const lines = [
    `${title}: ${bytes} B minified, ${total} B gzip (${(total / 1024).toFixed(2)} KB)`,
    '',
    `| module | minified | gzip, pro rata | gzip saved if cut |${tag ? ' on the tag because |' : ''}`,
    `| --- | --- | --- | --- |${tag ? ' --- |' : ''}`,
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${r.bytes} B | ${r.share.toFixed(0)} B | ${r.cut} B |${tag ? ` ${WHY[r.name] ?? ''} |` : ''}`,
    ),
  ];
  if (tag && block)
    lines.push(
      '',
      `The ${block.modules} "event pipeline" modules together: ${block.cut} B gzip saved if all were cut from the tag.`,
    );
  return lines.join('\n');
});
const markdown = sections.join('\n\n');
console.log(markdown);
if (wantsDocs()) writeBenchSection('size-modules', markdown, 'node scripts/module-bytes.mjs --write-docs');
