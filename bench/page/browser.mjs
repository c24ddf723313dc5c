// The page benches' Chromium: a persistent profile (HTTP cache and V8's code cache as a returning visitor
// has them) that reaches nothing but the local server, and the first visit that makes the visitor return.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/setup.mjs';

/**
 * Launches Chromium on a fresh profile; requests to other hosts than the local server are refused, and
 * passed to `onBlocked` (their URL) first. `close()` closes Chromium and deletes the profile.
 * @param {string} prefix the profile folder's name prefix
 * @param {(url: string) => void} [onBlocked]
 */
export async function launchBenchContext(prefix, onBlocked = () => {}) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    viewport: { width: 1280, height: 1100 },
    args: CHROMIUM_ARGS,
  });
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => {
      onBlocked(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The first visit, in `page`: Inkling's page (`with.html`) until the slot is personalized, then clicks on
 * three tents, flushed, so that every later view is a returning visitor's with a taste.
 * @param {import('playwright-core').Page} page
 * @param {string} serverUrl
 */
export async function teachTaste(page, serverUrl) {
  await page.goto(`${serverUrl}/with.html`);
  await page.waitForFunction(() => document.querySelector('[data-inkling-slot]')?.hasAttribute('data-inkling-state'));
  for (const id of ['sku-0', 'sku-10', 'sku-20']) await page.click(`[data-inkling-item="${id}"] a`);
  await page.evaluate(() => window.Inkling.flush());
}
