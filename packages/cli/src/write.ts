import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputError } from './errors.js';

/**
 * Writes every file to a temp name in `dir` first and renames them only when all are written, so an
 * interrupted or failed run never leaves a half-written file where a site serves it.
 */
export function writeAll(dir: string, files: Readonly<Record<string, unknown>>): string[] {
  const stamp = `${process.pid}-${Date.now()}`;
  const temps: [string, string][] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const [name, value] of Object.entries(files)) {
      const temp = join(dir, `.${name}.${stamp}.tmp`);
      temps.push([temp, join(dir, name)]);
      writeFileSync(temp, JSON.stringify(value) + '\n');
    }
    for (const [temp, final] of temps) renameSync(temp, final);
  } catch (error) {
    for (const [temp] of temps) rmSync(temp, { force: true });
    throw outputError(`${dir}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return temps.map(([, final]) => final);
}
