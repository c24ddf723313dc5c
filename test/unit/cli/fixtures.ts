import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, type TrainOptions } from '../../../packages/cli/src/options.js';
import type { Progress } from '../../../packages/cli/src/progress.js';

/** A fresh temp folder for one test. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'inkling-cli-test-'));

/** A progress that prints nothing and records notes. */
export function silent(): Progress & { notes: string[] } {
  const notes: string[] = [];
  return { notes, stage() {}, update() {}, done() {}, note: (m) => void notes.push(m) };
}

/**
 * A small log in the documented columns: items a and b are engaged together in 4 sessions, a and c in 2
 * (below the default floor of 3), each session by its own visitor.
 */
export function smallLog(): string[][] {
  const rows: string[][] = [];
  const t0 = 1_700_000_000;
  const sessions: string[][] = [
    ['a', 'b'],
    ['a', 'b'],
    ['b', 'a'],
    ['a', 'b', 'd'],
    ['a', 'c'],
    ['c', 'a'],
  ];
  sessions.forEach((items, s) =>
    items.forEach((item, i) =>
      rows.push([`s${s}`, `visitor-${s}`, item, i === 0 ? 'view' : 'click', String(t0 + s * 100 + i * 10)]),
    ),
  );
  return rows;
}

/** Writes `rows` under `header` as CSV and returns the path. */
export function writeCsv(
  dir: string,
  rows: string[][],
  header = ['session_id', 'visitor_id', 'item_id', 'event_type', 'timestamp'],
  name = 'log.csv',
): string {
  const file = join(dir, name);
  writeFileSync(file, [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}

/** Options for `train` from command-line words, quiet. */
export const options = (...argv: string[]): TrainOptions => parseArgs([...argv, '--quiet']);
