import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium } from './browser.js';
import { fixtureDir, shopPage, writeSite } from './fixtures.js';
import { returningVisit } from './hosting.js';

// Strict Content-Security-Policy and Trusted Types, sent as real response headers by the server.
const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";
const POLICIES: Record<string, string> = {
  '/strict.html': STRICT,
  '/trusted-types.html': `${STRICT}; require-trusted-types-for 'script'; trusted-types inkling`,
  '/trusted-types-denied.html': `${STRICT}; require-trusted-types-for 'script'; trusted-types other`,
};

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  const dir = fixtureDir('csp');
  // The panel and the debug overlay too: both must render without inline styles or innerHTML.
  const tag =
    '<script src="/dist/inkling.js" async blocking="render" data-inkling-rank-budget="5000" data-inkling-panel="#panel" data-inkling-debug></script>';
  const page = shopPage({ head: tag, tail: '<div id="panel"></div>' });
  writeSite(dir, Object.fromEntries(Object.keys(POLICIES).map((path) => [path.slice(1), page])));
  server = await startServer({
    root: dir,
    headers: (path): Record<string, string> => (POLICIES[path] ? { 'content-security-policy': POLICIES[path]! } : {}),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('strict CSP', () => {
  it("runs the engine in a worker under script-src 'self' with no unsafe-eval, with no violation", async () => {
    const outcome = await returningVisit(browser, `${server.url}/strict.html`);
    expect(outcome.workers).toEqual([`${server.url}/dist/inkling.worker.js`]);
    expect(outcome.state).toBe('personalized');
    expect(outcome.order.slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);
    expect(outcome.violations).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.errors).toEqual([]);
    expect(outcome.panel).toMatch(/Personalized on this device.*tents/);
    expect(outcome.badges).toBe(9);
  });

  it("works under require-trusted-types-for 'script' through its own `inkling` policy", async () => {
    const outcome = await returningVisit(browser, `${server.url}/trusted-types.html`);
    expect(outcome.workers).toHaveLength(1);
    expect(outcome.state).toBe('personalized');
    expect(outcome.violations).toEqual([]);
    expect(outcome.errors).toEqual([]);
    expect(outcome.panel).toMatch(/Personalized on this device/);
    expect(outcome.badges).toBe(9);
  });

  it('falls back to the in-thread engine, with one warning, when Trusted Types forbid its policy', async () => {
    const outcome = await returningVisit(browser, `${server.url}/trusted-types-denied.html`);
    expect(outcome.workers).toEqual([]);
    expect(outcome.state).toBe('personalized');
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toMatch(/running in-thread/);
    expect(outcome.errors).toEqual([]);
  });
});

describe('the built bundles', () => {
  it('contain no eval, new Function or string timers', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(`${dir}/${entry.name}`);
        else if (entry.name.endsWith('.js')) files.push(`${dir}/${entry.name}`);
      }
    };
    walk('dist');
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(
        /(?<![\w$.])eval\s*\(|new\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]|set(?:Timeout|Interval)\s*\(\s*["'`]/,
      );
    }
  });
});
