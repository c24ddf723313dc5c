// `npm run bench`: builds the SDK and the benches, then prints every report (a few minutes on 2 cores).
// Each report compares against a baseline measured in the same run; machines here are shared and noisy.
// `npm run bench -- speed rules` runs only the named parts; `-- --write-docs` updates docs/performance.md.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchSection } from '../scripts/bench-docs.mjs';
import { build, ensurePackages, repo, run } from '../scripts/setup.mjs';

// `--write-docs`: each bench that has a section in docs/performance.md rewrites it.
const docs = process.argv.includes('--write-docs') ? ' --write-docs' : '';
const parts = {
  size: () => run(`node scripts/size.mjs${docs}`),
  speed: () => {
    run(`node bench/dist/speed-node.mjs${docs}`);
    run(`node bench/speed/browser.mjs${docs}`);
  },
  rules: () => run('node bench/dist/rules.mjs'),
  // Its own bundle (bench/quality/rollup.config.mjs, into bench/dist/quality/): TF.js inlined for Node.
  quality: () => {
    run('npx rollup -c bench/quality/rollup.config.mjs --silent');
    if (!docs) return run('node bench/dist/quality/run.mjs');
    // The table (the rows that start with `|`) goes into the page; the header it prints stays in the terminal.
    const out = join(tmpdir(), `inkling-quality-${process.pid}.md`);
    run(`node bench/dist/quality/run.mjs --out ${out}`);
    const table = readFileSync(out, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('|'));
    rmSync(out, { force: true });
    writeBenchSection('quality', table.join('\n'), 'npm run bench:quality -- --write-docs');
  },
  track: () => run(`node bench/track.mjs${docs}`),
  ingest: () => existsSync(`${repo}bench/ingest.mjs`) && run('node bench/ingest.mjs'),
  page: () => existsSync(`${repo}bench/page.mjs`) && run('node bench/page.mjs'),
};

const wanted = process.argv.slice(2).filter((name) => name in parts);
ensurePackages();
// The quality report needs neither the SDK bundles nor the speed benches: `bench:quality` skips them.
if (wanted.length === 0 || wanted.some((name) => name !== 'quality')) {
  build();
  run('npx rollup -c bench/rollup.config.mjs --silent');
}
for (const name of wanted.length ? wanted : Object.keys(parts)) {
  console.log(`\n## ${name}`);
  parts[name]();
}
