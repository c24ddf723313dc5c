import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../../scripts/setup.mjs';

/** Debian's Chromium; never a downloaded browser. `CHROMIUM_PATH` points elsewhere if needed. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The flags every script starts Chromium with, plus QUIC off as the tests have always had it.
const FLAGS = [...CHROMIUM_ARGS, '--disable-quic'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install Debian's chromium or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
}

/** A test file's static server (for `root`) and Chromium; set before its tests run, closed after them. */
export interface BrowserSession {
  readonly browser: Browser;
  readonly server: Awaited<ReturnType<typeof startServer>>;
}

/**
 * Starts a server for `root` and a Chromium before the file's tests, and closes both after them. `root`
 * may be a function that builds the folder first (the demo shop, built per test file).
 */
export function serveAndLaunch(root: string | (() => Promise<string>)): BrowserSession {
  const session = {} as { browser: Browser; server: BrowserSession['server'] };
  beforeAll(async () => {
    session.server = await startServer({ root: typeof root === 'string' ? root : await root() });
    session.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** What a page did that a test may assert on: console errors, uncaught errors, every request URL. */
export interface PageLog {
  readonly consoleErrors: string[];
  readonly consoleWarnings: string[];
  readonly pageErrors: string[];
  readonly requests: string[];
}

/** Opens a page that records its console, uncaught errors and requests (including the worker's). */
export async function openPage(context: BrowserContext): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log: PageLog = { consoleErrors: [], consoleWarnings: [], pageErrors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
    if (message.type() === 'warning') log.consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.message));
  context.on('request', (request) => log.requests.push(request.url()));
  return { page, log };
}

/** Requests that left for anywhere but `origin` (data: and blob: URLs stay on the device). */
export function foreignRequests(log: PageLog, origin: string): string[] {
  return log.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
}

/**
 * Init script: records layout shifts (all of them; the page's own content is static, so any shift is
 * the SDK's), uncaught errors and unhandled rejections, before any page script runs.
 */
export function recordPageHealth(): void {
  const health = {
    shifts: [] as number[],
    errors: [] as string[],
    rejections: [] as string[],
    violations: [] as string[],
  };
  (window as unknown as { __health: typeof health }).__health = health;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) health.shifts.push((entry as PerformanceEntry & { value: number }).value);
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('error', (event) => health.errors.push(String(event.message)));
  addEventListener('unhandledrejection', (event) => health.rejections.push(String(event.reason)));
  document.addEventListener('securitypolicyviolation', (event) =>
    health.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
  );
}

/** What `recordPageHealth` saw so far. */
export function pageHealth(
  page: Page,
): Promise<{ shifts: number[]; errors: string[]; rejections: string[]; violations: string[] }> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __health: { shifts: number[]; errors: string[]; rejections: string[]; violations: string[] };
        }
      ).__health,
  );
}

/** Ids of a slot's visible items, in page order. */
export function slotOrder(page: Page, selector = '#grid'): Promise<(string | null)[]> {
  return page.$$eval(`${selector} > [data-inkling-item]:not([hidden]):not([data-inkling-removed])`, (items) =>
    items.map((item) => item.getAttribute('data-inkling-item')),
  );
}

/** Waits until Inkling has settled the slot (`data-inkling-state` set) and returns the state. */
export async function settledState(page: Page, selector = '#grid'): Promise<string | null> {
  await page.waitForSelector(`${selector}[data-inkling-state]`, { timeout: 15_000 });
  return page.getAttribute(selector, 'data-inkling-state');
}
