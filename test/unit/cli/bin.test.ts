import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { smallLog, tempDir, writeCsv } from './fixtures.js';

const bin = fileURLToPath(new URL('../../../packages/cli/bin/inkling.mjs', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('the inkling bin: exit codes and output streams', () => {
  beforeAll(async () => {
    // The first run in a clone builds dist/cli.mjs; build it once here so each test is fast.
    const { build } = await import('../../../packages/cli/build.mjs');
    await build();
  }, 120_000);

  it('exits 0 and prints the files written on stdout; no progress bar when stderr is not a terminal', () => {
    const dir = tempDir();
    const result = run('train', writeCsv(dir, smallLog()), '--out', join(dir, 'out'), '--no-model');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(join(dir, 'out', 'neighbours.json'));
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr).toContain('neighbours.json: 2 items with neighbours');
  });

  it('--quiet prints nothing on stderr', () => {
    const dir = tempDir();
    const result = run('train', writeCsv(dir, smallLog()), '--out', join(dir, 'out'), '--no-model', '--quiet');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('exits 2 on a bad command line and 3 on bad input, with one "inkling train:" line', () => {
    expect(run().status).toBe(2);
    expect(run('fit').stderr).toContain('inkling train: unknown command "fit"');
    const usage = run('train', 'log.csv');
    expect([usage.status, usage.stderr.trim()]).toEqual([2, 'inkling train: --out DIR is required']);
    const input = run('train', '/nonexistent/log.csv', '--out', tempDir());
    expect(input.status).toBe(3);
    expect(input.stderr.trim()).toBe('inkling train: /nonexistent/log.csv: cannot read it (ENOENT)');
  });
});
