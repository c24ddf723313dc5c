import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, TrainError } from '../../../packages/cli/src/errors.js';
import { parseArgs } from '../../../packages/cli/src/options.js';
import { train } from '../../../packages/cli/src/train.js';
import { options, silent, smallLog, tempDir, writeCsv } from './fixtures.js';

/** Runs `train` and returns the TrainError it throws. */
async function failure(...argv: string[]): Promise<TrainError> {
  const error = await train(options(...argv), silent()).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrainError);
  return error as TrainError;
}

describe('inkling train: bad input gets a clear error naming the file, line or column', () => {
  it('a missing column names the column, the columns found and the --columns fix', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, smallLog(), ['session', 'visitor_id', 'item_id', 'event_type', 'timestamp']);
    const error = await failure(file, '--out', join(dir, 'out'));
    expect(error.exitCode).toBe(EXIT.input);
    expect(error.message).toContain(file);
    expect(error.message).toContain('no column "session_id"');
    expect(error.message).toContain('session, visitor_id');
    expect(error.message).toContain('--columns session_id=NAME');
  });

  it('a --columns mapping to a column the file lacks names both', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, smallLog());
    const error = await failure(file, '--out', join(dir, 'out'), '--columns', 'item_id=product_id');
    expect(error.message).toContain('no column "product_id" (mapped to item_id by --columns)');
  });

  it('a timestamp that is not a time names the line, the column and the value', async () => {
    const dir = tempDir();
    const rows = smallLog();
    rows[2]![4] = 'yesterday';
    const file = writeCsv(dir, rows, ['sid', 'visitor_id', 'item_id', 'event_type', 'when']);
    const error = await failure(file, '--out', join(dir, 'out'), '--columns', 'session_id=sid,timestamp=when');
    expect(error.exitCode).toBe(EXIT.input);
    // Row 3 of the data is line 4 of the file (the header is line 1).
    expect(error.message).toContain(`${file} line 4: column "when" (timestamp): "yesterday" is not a time`);
  });

  it('a position that is not a whole number names its line', async () => {
    const dir = tempDir();
    const rows = smallLog().map((r, i) => [...r, 'home', i === 5 ? '2.5' : String(i)]);
    const file = writeCsv(dir, rows, [
      'session_id',
      'visitor_id',
      'item_id',
      'event_type',
      'timestamp',
      'list_id',
      'position',
    ]);
    const error = await failure(file, '--out', join(dir, 'out'));
    expect(error.message).toContain('line 7: column "position" (position): "2.5" is not a whole number');
  });

  it('an empty file and a header without rows are an empty log', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await failure(empty, '--out', join(dir, 'out'))).message).toBe(`${empty}: the log is empty (0 bytes)`);
    const header = writeCsv(dir, [], undefined, 'header.csv');
    const error = await failure(header, '--out', join(dir, 'out'));
    expect(error.message).toContain('the log is empty (no rows after the header)');
  });

  it('a file above the size limit is refused before it is read (a sparse 2 GB file)', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'session_id,item_id,timestamp\n');
    truncateSync(big, 2_000_000_000);
    const started = Date.now();
    const error = await failure(big, '--out', join(dir, 'out'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.exitCode).toBe(EXIT.input);
    expect(error.message).toContain(`${big}: 2.00 GB is above the input limit of 1.00 GB`);
    expect(error.message).toContain('--max-input-size');
    expect(error.message).toContain('--pairs');
  });

  it('an unknown format, a missing file and a log of unknown event types are named', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'log.xlsx');
    writeFileSync(xlsx, 'x');
    expect((await failure(xlsx, '--out', join(dir, 'out'))).message).toContain(`${xlsx}: unknown format ".xlsx"`);
    expect((await failure(join(dir, 'nope.csv'), '--out', join(dir, 'out'))).message).toContain(
      'cannot read it (ENOENT)',
    );
    const odd = writeCsv(
      dir,
      smallLog().map((r) => [...r.slice(0, 3), 'hover', r[4]!]),
      undefined,
      'odd.csv',
    );
    const error = await failure(odd, '--out', join(dir, 'out'));
    expect(error.message).toContain('no usable rows: event types not known: hover (');
  });

  it("malformed CSV gets DuckDB's reason with the file name", async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.csv');
    const good = Array.from({ length: 30 }, (_, i) => `s${i},a,${i}`);
    writeFileSync(file, ['session_id,item_id,timestamp', ...good, 's2,b,2,extra,more', 's3,c,3'].join('\n') + '\n');
    const error = await failure(file, '--out', join(dir, 'out'));
    expect(error.exitCode).toBe(EXIT.input);
    expect(error.message.startsWith(`${file}: `)).toBe(true);
    expect(error.message).toMatch(/Line: 32|line 32/);
  });

  it('nothing is half-written: a failed run leaves the files already served untouched and no temp file', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    await train(options(writeCsv(dir, smallLog()), '--out', out, '--no-model'), silent());
    const before = readFileSync(join(out, 'neighbours.json'), 'utf8');
    const broken = writeCsv(dir, smallLog(), ['session_id', 'item_id', 'event_type', 'timestamp', 'x'], 'broken.csv');
    await failure(broken, '--out', out, '--columns', 'timestamp=x');
    expect(readFileSync(join(out, 'neighbours.json'), 'utf8')).toBe(before);
    expect(readdirSync(out)).toEqual(['neighbours.json']);
  });

  it('an output path that cannot be a folder is an output error', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const error = await failure(writeCsv(dir, smallLog()), '--out', join(blocker, 'out'), '--no-model');
    expect(error.exitCode).toBe(EXIT.output);
    expect(existsSync(join(blocker, 'out'))).toBe(false);
  });

  it('bad command lines are usage errors', () => {
    const usage = (argv: string[]): number => {
      try {
        parseArgs(argv);
        return 0;
      } catch (error) {
        return (error as TrainError).exitCode;
      }
    };
    expect(usage(['log.csv'])).toBe(EXIT.usage);
    expect(usage(['log.csv', '--out'])).toBe(EXIT.usage);
    expect(usage(['log.csv', '--out', 'o', '--min-count', '0'])).toBe(EXIT.usage);
    expect(usage(['log.csv', '--out', 'o', '--columns', 'sesion=x'])).toBe(EXIT.usage);
    expect(usage(['log.csv', '--out', 'o', '--bogus'])).toBe(EXIT.usage);
    expect(usage(['log.csv', '--out', 'o', '--memory-limit', 'lots'])).toBe(EXIT.usage);
  });
});
