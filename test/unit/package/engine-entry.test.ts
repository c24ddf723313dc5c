import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The documented Node entry, as a server or an evaluation script imports it: the built bundle through
 * the package's `exports` map, in a plain Node process (no bundler, no vitest transforms).
 */
const script = `
import { createEngine } from 'inkling/engine';
const engine = createEngine({ storage: 'memory', now: () => 1_700_000_000_000 });
const items = [{ id: 'a', category: 'shoes' }, { id: 'b', category: 'tents' }, { id: 'c', category: 'tents' }];
await engine.ingest([{ id: 'e1', type: 'purchase', itemId: 'b', time: 1_699_999_999_000, item: { category: 'tents' } }]);
const first = await engine.rank({ slot: 'grid', items });
const reasons = await engine.explain('grid', 'b');
await engine.forget();
const afterForget = await engine.rank({ slot: 'grid', items });
console.log(JSON.stringify({ first: first.items.map((e) => e.item.id), removed: first.removed.map((e) => e.item.id), reasons, afterForget: afterForget.items.map((e) => e.item.id) }));
`;

describe('inkling/engine in plain Node', () => {
  it.skipIf(!existsSync('dist/engine.esm.js'))('ingests, ranks, explains and forgets through the package entry', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect([...result.first].sort()).toEqual(['a', 'c']);
    expect(result.removed).toEqual(['b']);
    expect(result.reasons.map((reason: { text: string }) => reason.text).join(' ')).toMatch(/bought|purchase/i);
    expect(result.afterForget).toEqual(['a', 'b', 'c']);
  });

  // TF.js's CPU backend prints a "running TensorFlow.js in Node.js" banner on its first tensor.
  const training = `
import { createEngine } from 'inkling/engine';
const engine = createEngine({ storage: 'memory', now: () => 1_700_000_000_000 });
const items = [{ id: 'a', category: 'shoes' }, { id: 'b', category: 'tents' }];
const prior = JSON.stringify((await engine.export()).model);
await engine.rank({ slot: 'grid', items });
await engine.ingest([{ id: 'e1', type: 'click', itemId: 'b', itemListId: 'grid', time: 1_699_999_999_000, item: { category: 'tents' } }]);
for (let i = 0; i < 100 && JSON.stringify((await engine.export()).model) === prior; i++) await new Promise((r) => setTimeout(r, 50));
console.log(JSON.stringify({ learned: JSON.stringify((await engine.export()).model) !== prior }));
`;
  it.skipIf(!existsSync('dist/engine.esm.js'))('learns with TF.js without printing its Node.js banner', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', training], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual({ learned: true });
    expect(run.stdout + run.stderr).not.toMatch(/TensorFlow\.js in Node\.js/);
    expect(run.stderr).toBe('');
  });
});
