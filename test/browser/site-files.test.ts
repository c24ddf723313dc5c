import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NEIGHBOUR_TABLE as TABLE, reversingModel } from '../fixtures/site-files.js';
import { openPage, serveAndLaunch } from './browser.js';
import { fixtureDir, shopPage, writeSite } from './fixtures.js';

const dir = fixtureDir('site-files');
mkdirSync(join(dir, 'site'), { recursive: true });
writeFileSync(join(dir, 'site', 'model.json'), JSON.stringify(reversingModel()));
writeFileSync(join(dir, 'site', 'neighbours.json'), JSON.stringify(TABLE));
writeFileSync(join(dir, 'site', 'broken.json'), '{"kind": "logistic", "features": [');
const tag = (attributes: string) => `<script src="/dist/inkling.js" async ${attributes}></script>`;
writeSite(dir, {
  'trained.html': shopPage({
    head: tag('data-inkling-model="/site/model.json" data-inkling-neighbours="site/neighbours.json"'),
  }),
  'shipped.html': shopPage({ head: tag('') }),
  'missing.html': shopPage({ head: tag('data-inkling-model="/site/missing.json"') }),
  'broken.html': shopPage({
    head: tag('data-inkling-model="/site/broken.json" data-inkling-neighbours="/site/neighbours.json"'),
  }),
});
const session = serveAndLaunch(dir);

/**
 * Ranks five items with the model alone until the first one is `expected` (the site file arrives
 * after the tag's first ranking), or the deadline passes; returns the last order.
 */
function rankUntil(page: Page, expected: string, deadlineMs = 8000): Promise<string[]> {
  return page.evaluate(
    async ({ expected, deadlineMs }) => {
      const inkling = (
        window as unknown as {
          Inkling: { rank(items: object[], o: object): Promise<{ items: { item: { id: string } }[] }> };
        }
      ).Inkling;
      const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
      const recipe = { strategies: [{ use: 'personal', weight: 1 }] };
      const end = Date.now() + deadlineMs;
      let order: string[] = [];
      do {
        order = (await inkling.rank(items, { slot: 'probe', recipe, explain: false })).items.map(
          (entry) => entry.item.id,
        );
        if (order[0] === expected) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } while (Date.now() < end);
      return order;
    },
    { expected, deadlineMs },
  );
}

async function visit(path: string) {
  const context = await session.browser.newContext();
  const { page, log } = await openPage(context);
  await page.goto(`${session.server.url}${path}`);
  await page.waitForFunction(() => typeof (window as { Inkling?: { rank?: unknown } }).Inkling?.rank === 'function');
  return { page, log, close: () => context.close() };
}

describe("the site's own files (npx inkling train) through the tag", () => {
  it('fetches model.json and neighbours.json named by the tag, and ranks with the site model', async () => {
    const { page, log, close } = await visit('/trained.html');
    expect(await rankUntil(page, 'e')).toEqual(['e', 'd', 'c', 'b', 'a']);
    // Plain GETs of the two files (the relative URL resolved against the page), nothing else leaves.
    expect(log.requests.filter((url) => url.includes('/site/'))).toEqual([
      `${session.server.url}/site/model.json`,
      `${session.server.url}/site/neighbours.json`,
    ]);
    expect(log.consoleErrors).toEqual([]);
    await close();
  });

  it('without the attributes the shipped prior ranks (the same probe keeps the site order)', async () => {
    const { page, log, close } = await visit('/shipped.html');
    // Short deadline: this order never changes, so it runs to the end.
    expect(await rankUntil(page, 'e', 1000)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(log.requests.filter((url) => url.includes('/site/'))).toEqual([]);
    await close();
  });

  it('a 404 gives one [inkling] error naming the URL, and ranking goes on with the shipped prior', async () => {
    const { page, log, close } = await visit('/missing.html');
    await page.waitForFunction(() => document.querySelector('#grid')?.hasAttribute('data-inkling-state'));
    await expect.poll(() => log.consoleErrors.length, { timeout: 8000 }).toBe(1);
    expect(log.consoleErrors[0]).toBe(`[inkling] site file: model ${session.server.url}/site/missing.json: HTTP 404`);
    expect(await rankUntil(page, 'e', 500)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(log.consoleErrors).toHaveLength(1);
    await close();
  });

  it('a malformed model is one error naming the URL, and ranking goes on', async () => {
    const { page, log, close } = await visit('/broken.html');
    await expect.poll(() => log.consoleErrors.length, { timeout: 8000 }).toBe(1);
    expect(log.consoleErrors[0]).toBe(`[inkling] site file: model ${session.server.url}/site/broken.json: not JSON`);
    expect(await rankUntil(page, 'e', 500)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(log.pageErrors).toEqual([]);
    await close();
  });
});
