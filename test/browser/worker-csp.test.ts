import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium, openPage, pageHealth, recordPageHealth, settledState } from './browser.js';
import { fixtureDir, shopPage, teachTents, writeSite } from './fixtures.js';

/**
 * A dedicated worker loaded from a URL does not inherit the page's CSP: it runs under its own response
 * headers, so a worker served without one could use eval unnoticed until a site serves it with a strict
 * policy (or hosts it as a blob:, which inherits the page's). Two checks under a strict page policy: the
 * worker sent no CSP header, with every way of compiling a string watched inside it; and the worker sent
 * its own strict header, with a report endpoint.
 */
const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";
const REPORT = '/csp-report';

/**
 * Put ahead of the worker's own code: records every eval, Function constructor (plain, async and
 * generator) and string timer, then lets it run (the worker has no CSP, so they would succeed silently).
 */
const WATCH = `(() => {
  const seen = (self.__stringCode = []);
  const realEval = self.eval;
  self.eval = function (code) { seen.push('eval: ' + String(code).slice(0, 80)); return realEval(code); };
  const watch = (Real, name) => {
    const proxy = new Proxy(Real, {
      apply(target, self_, args) { seen.push(name + ': ' + String(args[args.length - 1]).slice(0, 80)); return Reflect.apply(target, self_, args); },
      construct(target, args, newTarget) { seen.push(name + ': ' + String(args[args.length - 1]).slice(0, 80)); return Reflect.construct(target, args, newTarget); },
    });
    Object.defineProperty(Real.prototype, 'constructor', { value: proxy, configurable: true, writable: true });
    return proxy;
  };
  self.Function = watch(Function, 'Function');
  watch(Object.getPrototypeOf(async function () {}).constructor, 'AsyncFunction');
  watch(Object.getPrototypeOf(function* () {}).constructor, 'GeneratorFunction');
  for (const timer of ['setTimeout', 'setInterval']) {
    const real = self[timer];
    self[timer] = function (handler, ...rest) { if (typeof handler === 'string') seen.push(timer + ': ' + handler.slice(0, 80)); return real.call(self, handler, ...rest); };
  }
})();
`;

let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  const dir = fixtureDir('worker-csp');
  const page = shopPage({
    head: '<script src="/dist/inkling.js" async blocking="render" data-inkling-rank-budget="5000"></script>',
  });
  writeSite(dir, { 'shop.html': page });
  // The page only: the worker script is sent no CSP header.
  server = await startServer({
    root: dir,
    headers: (path): Record<string, string> =>
      path.endsWith('.html') ? { 'content-security-policy': `${STRICT}; report-uri ${REPORT}` } : {},
  });
});
afterAll(async () => {
  await server?.close();
});

/** Playwright's `worker.evaluate` itself runs the test's functions through eval: those are left out. */
const ownCodeLeftOut = (seen: string[] | undefined) => seen?.filter((line) => !/^eval: (async )?\(\) =>/.test(line));

/** Serves the worker script with `WATCH` ahead of it, and without a CSP header. */
async function watchWorker(context: BrowserContext): Promise<void> {
  await context.route('**/dist/inkling.worker.js', async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(
      Object.entries(response.headers()).filter(([name]) => name !== 'content-security-policy'),
    );
    await route.fulfill({ response, headers, body: WATCH + (await response.text()) });
  });
}

/** Two visits (the first learns, the second ranks a returning visitor) and everything they reported. */
async function twoVisits(browser: Browser, url: string, watch: boolean) {
  const context = await browser.newContext();
  if (watch) await watchWorker(context);
  const reports: string[] = [];
  context.on(
    'request',
    (request) => request.url().includes(REPORT) && reports.push(request.postData() ?? request.url()),
  );
  await context.addInitScript(recordPageHealth);
  const { page, log } = await openPage(context);
  await page.goto(url);
  await settledState(page);
  await teachTents(page);
  // Clicks on ranked tiles make training examples: the lazily loaded TF.js chunk then runs too.
  await page.evaluate(async () => {
    const inkling = (window as unknown as { Inkling: { track(e: object): void; flush(): Promise<void> } }).Inkling;
    const ids = ['s1', 't1', 's2', 'j1', 't2', 's3', 'j2', 't3', 'j3'];
    ids.forEach((itemId, index) => inkling.track({ type: 'impression', itemId, itemListId: 'grid', index }));
    inkling.track({ type: 'click', itemId: 't1', itemListId: 'grid', index: 1 });
    await inkling.flush();
  });
  // Training on those clicks runs after flush; export() waits for it.
  await page.evaluate(() => (window as unknown as { Inkling: { export(): Promise<unknown> } }).Inkling.export());
  const firstHealth = await pageHealth(page);
  /** What the watch recorded in this page's worker (undefined when it was not in place). */
  const compiled = async () =>
    ownCodeLeftOut(
      await page.workers()[0]?.evaluate(() => (self as unknown as { __stringCode?: string[] }).__stringCode),
    );
  const firstCompiled = await compiled();
  await page.goto(url);
  const state = await settledState(page);
  await page.evaluate(() => (window as unknown as { Inkling: { export(): Promise<unknown> } }).Inkling.export());
  const outcome = {
    tfChunk: log.requests.some((request) => /\/chunks\/tf-model-/.test(request)),
    compiled: [firstCompiled, await compiled()],
    workers: page.workers().map((w) => w.url()),
    state,
    inkling: [...log.consoleWarnings, ...log.consoleErrors].filter((line) => line.includes('[inkling]')),
    refused: [...log.consoleWarnings, ...log.consoleErrors].filter((line) =>
      /Refused|unsafe-eval|EvalError|code generation/i.test(line),
    ),
    health: [firstHealth, await pageHealth(page)].flatMap((h) => [...h.errors, ...h.rejections, ...h.violations]),
    pageErrors: log.pageErrors,
  };
  await context.close();
  return { outcome, reports };
}

describe('the worker needs no eval', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('tracks, trains and ranks without compiling a string, the worker sent no CSP header under a strict page', async () => {
    const { outcome, reports } = await twoVisits(browser, `${server.url}/shop.html`, true);
    // The watch was in place in both visits' workers and saw nothing.
    expect(outcome.compiled).toEqual([[], []]);
    expect(outcome.tfChunk).toBe(true);
    expect(outcome.workers).toEqual([`${server.url}/dist/inkling.worker.js`]);
    expect(outcome.state).toBe('personalized');
    // A fallback (in-thread engine, plain-JS scorer, skipped training) would say so in an [inkling] line.
    expect(outcome.inkling).toEqual([]);
    expect(outcome.refused).toEqual([]);
    expect(outcome.health).toEqual([]);
    expect(outcome.pageErrors).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('the watch does catch a worker that compiles a string', async () => {
    const context = await browser.newContext();
    await watchWorker(context);
    const { page } = await openPage(context);
    await page.goto(`${server.url}/shop.html`);
    await settledState(page);
    const seen = ownCodeLeftOut(
      await page.workers()[0]!.evaluate(() => {
        new Function('return 1')();
        setTimeout('1', 0);
        return (self as unknown as { __stringCode: string[] }).__stringCode;
      }),
    );
    expect(seen).toEqual(['Function: return 1', 'setTimeout: 1']);
    await context.close();
  });

  it("runs with no violation when the worker gets its own strict header (no 'unsafe-eval', reports on)", async () => {
    const strictServer = await startServer({
      root: fixtureDir('worker-csp'),
      headers: (path): Record<string, string> =>
        /\.(html|js)$/.test(path) ? { 'content-security-policy': `${STRICT}; report-uri ${REPORT}` } : {},
    });
    try {
      const { outcome, reports } = await twoVisits(browser, `${strictServer.url}/shop.html`, false);
      expect(outcome.workers).toEqual([`${strictServer.url}/dist/inkling.worker.js`]);
      expect(outcome.state).toBe('personalized');
      expect(outcome.inkling).toEqual([]);
      expect(outcome.refused).toEqual([]);
      expect(outcome.health).toEqual([]);
      expect(reports).toEqual([]);
    } finally {
      await strictServer.close();
    }
  });
});
