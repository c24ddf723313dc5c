import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium } from './browser.js';
import { fixtureDir, shopPage, writeSite } from './fixtures.js';
import { returningVisit } from './hosting.js';

// The SDK served from a CDN: two servers on different ports of 127.0.0.1 are two origins. The CDN
// sends CORS headers, as public CDNs do.
let browser: Browser;
let site: Awaited<ReturnType<typeof startServer>>;
let cdn: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  cdn = await startServer({ root: fixtureDir('cdn'), headers: () => ({ 'access-control-allow-origin': '*' }) });
  const dir = fixtureDir('cross-origin');
  const tag = (attributes = '') =>
    `<script src="${cdn.url}/dist/inkling.js" async blocking="render" data-inkling-rank-budget="5000" ${attributes}></script>`;
  writeSite(dir, {
    'plain.html': shopPage({ head: tag() }),
    'worker-url.html': shopPage({ head: tag('data-inkling-worker="/dist/inkling.worker.js"') }),
    'csp.html': shopPage({ head: tag() }),
    'csp-worker-url.html': shopPage({ head: tag('data-inkling-worker="/dist/inkling.worker.js"') }),
  });
  // No blob: in the policy: a worker must come from the site itself, or the engine runs in-thread.
  const csp = `default-src 'self'; script-src 'self' ${cdn.url}; connect-src 'self' ${cdn.url}; style-src 'self'`;
  site = await startServer({
    root: dir,
    headers: (path): Record<string, string> => (path.startsWith('/csp') ? { 'content-security-policy': csp } : {}),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await cdn?.close();
});

describe('the SDK on another origin', () => {
  it('starts its worker as a same-origin blob: module that imports the CDN copy', async () => {
    const outcome = await returningVisit(browser, `${site.url}/plain.html`);
    expect(outcome.workers).toHaveLength(1);
    expect(outcome.workers[0]).toMatch(/^blob:/);
    expect(outcome.state).toBe('personalized');
    expect(outcome.order.slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.errors).toEqual([]);
  });

  it('uses a same-origin worker URL when the site gives one', async () => {
    const outcome = await returningVisit(browser, `${site.url}/worker-url.html`);
    expect(outcome.workers).toEqual([`${site.url}/dist/inkling.worker.js`]);
    expect(outcome.state).toBe('personalized');
    expect(outcome.warnings).toEqual([]);
    expect(outcome.errors).toEqual([]);
  });

  it('with a same-origin worker URL, needs nothing more under a strict CSP', async () => {
    const outcome = await returningVisit(browser, `${site.url}/csp-worker-url.html`);
    expect(outcome.workers).toEqual([`${site.url}/dist/inkling.worker.js`]);
    expect(outcome.state).toBe('personalized');
    expect(outcome.violations).toEqual([]);
    expect(outcome.errors).toEqual([]);
  });

  it('runs the engine in-thread, with one warning, when CSP forbids a blob: worker', async () => {
    const outcome = await returningVisit(browser, `${site.url}/csp.html`);
    expect(outcome.workers).toEqual([]);
    expect(outcome.state).toBe('personalized');
    expect(outcome.order.slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toMatch(/running in-thread/);
    expect(outcome.errors).toEqual([]);
  });
});
