// `npm test`: installs what is missing, builds, type-checks, checks formatting (Prettier), lint (ESLint),
// bundle budgets and the packed package, then runs every test (unit in Node/happy-dom, browser and
// bundled sample apps in Debian Chromium) and
// prints one summary line.
import { readFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { build, ensureChromium, ensurePackages, repo, run } from './setup.mjs';

ensurePackages();
const chromium = ensureChromium();
build();
// The browser tests build the demo shop into test-results/ themselves: demo/dist is `npm run demo`'s,
// which may be serving it (with the React example) meanwhile.
run('npx tsc -p tsconfig.json --noEmit');
run('npx prettier --check . --log-level warn');
run('npx eslint .');
run('node scripts/size.mjs');
// The package as npm would publish it: its manifest and files (publint), and its types as TypeScript
// resolves them from an ES module or a bundler (attw; the package is ESM-only, so CommonJS is out of scope).
run('npx publint --strict');
run('npx attw --pack . --profile esm-only');

mkdirSync(`${repo}test-results`, { recursive: true });
const report = `${repo}test-results/vitest.json`;
const extra = process.argv.slice(2);
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  {
    stdio: 'inherit',
    cwd: repo,
    env: { ...process.env, CHROMIUM_PATH: chromium },
  },
);

let summary = 'tests: 0 passed, 0 failed';
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  summary = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${results.numPendingTests ? `, ${results.numPendingTests} skipped` : ''}`;
} catch {
  // vitest died before writing its report; its exit code below says so.
}
console.log(summary);
process.exit(vitest.status ?? 1);
