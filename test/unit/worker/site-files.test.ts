import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/engine.js';
import { FEATURE_NAMES } from '../../../worker/features.js';
import { FEATURE_INDEX } from '../../../bench/quality/feature-index.js';
import type { ModelWeights } from '../../../worker/model/weights.js';
import { loadSiteFiles } from '../../../worker/site/load-site-files.js';

/** A logistic model that ranks the site's last item first: the opposite of the shipped prior on a fresh visitor. */
export function reversingModel(): ModelWeights {
  const weights = FEATURE_NAMES.map(() => 0);
  weights[FEATURE_INDEX.baseOrder] = -20;
  return {
    kind: 'logistic',
    features: [...FEATURE_NAMES],
    layers: [{ inputs: FEATURE_NAMES.length, outputs: 1, weights, bias: [0] }],
  };
}

const table = {
  format: 'inkling-neighbours',
  version: 1,
  minCount: 3,
  k: 20,
  sessions: 9,
  support: { a: 5, b: 4 },
  neighbours: { a: [['b', 4]] },
};

/** A fetch that serves `files` by URL and 404s the rest. */
const fakeFetch = (files: Record<string, string>): typeof fetch =>
  (async (url: string | URL | Request) => {
    const body = files[String(url)];
    return new Response(body ?? 'not found', { status: body === undefined ? 404 : 200 });
  }) as typeof fetch;

describe('site files: fetched, validated, applied', () => {
  it('loads a valid model and neighbour table by URL', async () => {
    const fetcher = fakeFetch({
      'https://shop.test/model.json': JSON.stringify(reversingModel()),
      'https://shop.test/n.json': JSON.stringify(table),
    });
    const loaded = await loadSiteFiles(
      { model: 'https://shop.test/model.json', neighbours: 'https://shop.test/n.json' },
      fetcher,
    );
    expect(loaded.errors).toEqual([]);
    expect(loaded.prior?.kind).toBe('logistic');
    expect(loaded.neighbours?.neighbours['a']).toEqual([['b', 4]]);
  });

  it('names the URL and the reason for a 404, a file that is not JSON and a bad field, and never throws', async () => {
    const fetcher = fakeFetch({
      'https://shop.test/bad.json': '{"format":',
      'https://shop.test/n.json': JSON.stringify({ ...table, version: 2 }),
    });
    const missing = await loadSiteFiles(
      { model: 'https://shop.test/model.json', neighbours: 'https://shop.test/n.json' },
      fetcher,
    );
    expect(missing.errors).toEqual([
      'model https://shop.test/model.json: HTTP 404',
      'neighbours https://shop.test/n.json: version must be 1',
    ]);
    const broken = await loadSiteFiles(
      { model: 'https://shop.test/bad.json', neighbours: { ...table, k: -1 } },
      fetcher,
    );
    expect(broken.errors).toEqual([
      'model https://shop.test/bad.json: not JSON',
      'neighbours (object): k must be a non-negative integer',
    ]);
    const wrongShape = await loadSiteFiles({ model: { kind: 'mlp', features: ['x'], layers: [] } });
    expect(wrongShape.errors[0]).toMatch(/^model \(object\): weights.features must list the \d+ features/);
    const offline = await loadSiteFiles({ model: 'https://shop.test/model.json' }, (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    expect(offline.errors).toEqual(['model https://shop.test/model.json: Failed to fetch']);
  });

  it('the engine ranks with the site model once configured, and keeps the shipped prior when the file fails', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    // The model alone: the default recipe's guards may keep a new visitor's page order whatever the model says.
    const recipe = { strategies: [{ use: 'personal' as const, weight: 1 }] };
    const order = async (engine: ReturnType<typeof createEngine>) =>
      (await engine.rank({ slot: 's', items, explain: false, recipe })).items.map((e) => e.item.id);
    const shipped = createEngine({ storage: 'memory', learn: false });
    await shipped.configure({ mode: 'session' });
    const before = await order(shipped);
    expect(await shipped.loadSiteFiles({ model: { kind: 'logistic' } })).toHaveLength(1);
    expect(await order(shipped)).toEqual(before);
    const site = createEngine({ storage: 'memory', learn: false });
    await site.configure({ mode: 'session' });
    expect(await site.loadSiteFiles({ model: reversingModel(), neighbours: table })).toEqual([]);
    const after = await order(site);
    expect(after).not.toEqual(before);
    expect(after[0]).toBe('e');
  });
});
