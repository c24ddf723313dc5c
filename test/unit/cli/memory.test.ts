import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, resourceFailure } from '../../../packages/cli/src/db.js';
import { EXIT, TrainError } from '../../../packages/cli/src/errors.js';
import { loadLog } from '../../../packages/cli/src/load.js';
import { parseArgs } from '../../../packages/cli/src/options.js';
import { options, silent, tempDir } from './fixtures.js';

/** The error `fn` throws (undefined when it does not). */
async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('inkling train: memory is bounded by the settings, and running out says which one to change', () => {
  it('--memory-limit below 100MB and a bad --threads are usage errors naming the option', async () => {
    const tiny = await thrown(() => parseArgs(['log.csv', '--out', 'o', '--memory-limit', '10MB']));
    expect(tiny).toBeInstanceOf(TrainError);
    expect((tiny as TrainError).exitCode).toBe(EXIT.usage);
    expect((tiny as TrainError).message).toContain('--memory-limit must be at least 100MB');
    const threads = await thrown(() => parseArgs(['log.csv', '--out', 'o', '--threads', '0']));
    expect((threads as TrainError).exitCode).toBe(EXIT.usage);
    expect((threads as TrainError).message).toContain('--threads');
  });

  it('DuckDB gets one thread per 256MB of the limit, at most one per core, unless --threads says', () => {
    const cores = availableParallelism();
    expect(parseArgs(['log.csv', '--out', 'o', '--memory-limit', '100MB']).threads).toBe(1);
    expect(parseArgs(['log.csv', '--out', 'o', '--memory-limit', '512MB']).threads).toBe(Math.min(cores, 2));
    expect(parseArgs(['log.csv', '--out', 'o']).threads).toBe(Math.min(cores, 3));
    expect(parseArgs(['log.csv', '--out', 'o', '--memory-limit', '100GB']).threads).toBe(cores);
    expect(parseArgs(['log.csv', '--out', 'o', '--threads', '7']).threads).toBe(7);
  });

  it("DuckDB's out-of-memory is a resources error (exit 5) naming --memory-limit, not a crash", async () => {
    // A limit far below what the CLI allows: an aggregate that cannot spill runs out of it.
    const db = await openDb({ memoryLimit: '2MB', threads: 1 });
    try {
      const error = await thrown(() => db.run('SELECT list(range) AS l FROM range(5000000)'));
      expect(error).toBeInstanceOf(TrainError);
      expect((error as TrainError).exitCode).toBe(EXIT.resources);
      expect((error as TrainError).message).toContain('ran out of memory within --memory-limit 2MB');
    } finally {
      db.close();
    }
  });

  it('running out of memory while reading the log stays a resources error, not a bad-input one', async () => {
    const dir = tempDir();
    const file = join(dir, 'log.csv');
    const rows = Array.from(
      { length: 200_000 },
      (_, i) => `s${i},v${i},item-${i % 5000}-${'x'.repeat(40)},view,${1e9 + i}`,
    );
    writeFileSync(file, ['session_id,visitor_id,item_id,event_type,timestamp', ...rows].join('\n') + '\n');
    const db = await openDb({ memoryLimit: '2MB', threads: 1 });
    try {
      const error = await thrown(() => loadLog(db, options(file, '--out', join(dir, 'out')), silent()));
      expect(error).toBeInstanceOf(TrainError);
      expect((error as TrainError).exitCode).toBe(EXIT.resources);
      expect((error as TrainError).message).toContain('--memory-limit');
    } finally {
      db.close();
    }
  });

  it('a full disk under the spill folder names --temp-dir; other DuckDB errors are left as they are', () => {
    const settings = { memoryLimit: '1GB', tempDir: '/mnt/small', threads: 2 };
    const full = resourceFailure(
      new Error('IO Error: Could not write file "/mnt/small/spill/x.block": No space left on device'),
      settings,
    );
    expect(full?.exitCode).toBe(EXIT.resources);
    expect(full?.message).toContain('could not spill to /mnt/small');
    expect(full?.message).toContain('--temp-dir');
    expect(resourceFailure(new Error('Binder Error: column "x" not found'), settings)).toBeUndefined();
  });
});
