import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium, openPage } from '../browser/browser.js';
import { buildEsbuild, buildVite, buildWebpack, sampleApp, type Build } from './builds.js';

// The packed SDK installed into a sample app as a user would, built for production by each bundler,
// served statically and driven in one Chromium: the worker starts, its lazy TF.js chunk loads and the
// model learns on the device.
interface AppHandle {
  inkling: { export(): Promise<{ model: { weights: Record<string, number[]> } | null }>; flush(): Promise<void> };
  render(): Promise<{ ids: string[]; fallback: boolean }>;
  warnings: string[];
}

let app: string;
let root: string | undefined;
let browser: Browser;
beforeAll(async () => {
  ({ app, root } = sampleApp());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.each([
  ['Vite', buildVite],
  ['webpack 5', buildWebpack],
  ['esbuild', buildEsbuild],
])('a production build by %s', (_, bundle: (app: string) => Promise<Build>) => {
  it('starts the worker, loads the TF.js chunk and learns on the device, with no warning', async () => {
    const build = await bundle(app);
    // Vite's "Module "util" has been externalized for browser compatibility", among others.
    expect(build.warnings).toEqual([]);
    const server = await startServer({ root: build.dir });
    const context = await browser.newContext();
    const failed: string[] = [];
    context.on(
      'response',
      (response) => void (response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`)),
    );
    try {
      const { page, log } = await openPage(context);
      await page.goto(`${server.url}/index.html`);
      await page.waitForSelector('body[data-ready]', { timeout: 15_000 });
      expect(page.workers()).toHaveLength(1);

      const before = await page.evaluate(() => (window as unknown as { app: AppHandle }).app.inkling.export());
      expect(before.model).not.toBeNull();
      for (const id of ['t1', 't2', 't3', 't1', 't2', 't3']) await page.click(`li[data-id="${id}"]`);
      const changed = await page.waitForFunction(
        async (prior) => {
          const { inkling } = (window as unknown as { app: AppHandle }).app;
          await inkling.flush();
          const now = await inkling.export();
          return JSON.stringify(now.model?.weights) !== prior;
        },
        JSON.stringify(before.model!.weights),
        { timeout: 30_000, polling: 250 },
      );
      expect(await changed.jsonValue()).toBe(true);
      const after = await page.evaluate(() => (window as unknown as { app: AppHandle }).app.render());
      expect(after.fallback).toBe(false);
      expect(after.ids.slice(0, 3).sort()).toEqual(['t1', 't2', 't3']);

      expect(failed).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { app: AppHandle }).app.warnings)).toEqual([]);
      expect([...log.consoleErrors, ...log.consoleWarnings, ...log.pageErrors]).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
