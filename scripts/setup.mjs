// What the two README commands need before they run: npm packages, and Chromium for the browser tests.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('..', import.meta.url));

export function run(command, options = {}) {
  console.log(`$ ${command}`);
  execSync(command, { stdio: 'inherit', cwd: repo, ...options });
}

/** Installs npm packages when node_modules is missing or older than the lock file. */
export function ensurePackages() {
  const marker = `${repo}node_modules/.package-lock.json`;
  const lock = `${repo}package-lock.json`;
  // A git worktree borrows the main checkout's packages through a symlink, and its lock file is always
  // newer than them: installing there would replace the link with a second copy.
  if (existsSync(marker) && lstatSync(`${repo}node_modules`).isSymbolicLink()) return;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // Not `npm ci`: npm 11 rejects a lock file that lacks other platforms' optional rollup binaries.
  run('npm install --no-audit --no-fund');
}

/** The flags every script here starts Chromium with: headless, and no background traffic (the network is closed). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Returns the Chromium binary, installing Debian's package when it is missing and we are root. */
export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${path} does not exist`);
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Chromium is not installed at /usr/bin/chromium. Install it (Debian: sudo apt-get install chromium) ' +
        'or point the tests at a Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
    );
  }
  run('apt-get update -qq', { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get install -y -qq chromium', { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(path)) throw new Error('apt-get did not install /usr/bin/chromium');
  return path;
}

/** Builds the SDK bundles and their type declarations. */
export function build() {
  // From scratch: chunk names carry hashes, and stale chunks would be served and measured.
  rmSync(`${repo}dist`, { recursive: true, force: true });
  run('npx rollup -c --silent');
  run('npx tsc -p tsconfig.build.json');
}

export function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}
