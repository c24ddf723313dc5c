import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import { resourceError, TrainError } from './errors.js';
import { parseSize } from './options.js';
import type { Progress } from './progress.js';

/** How much of the machine the working database may use (`--memory-limit`, `--temp-dir`, `--threads`). */
export interface DbSettings {
  /** DuckDB's `memory_limit`, e.g. `1GB`: beyond it, DuckDB spills to `tempDir`. */
  readonly memoryLimit: string;
  /** Where the spill folder is made (default: the OS temp directory). */
  readonly tempDir?: string;
  /** DuckDB's worker threads: each holds its own buffers, so fewer threads fit a smaller limit. */
  readonly threads: number;
}

/** A DuckDB database bounded in memory, spilling to a temp folder; `close()` removes the folder. */
export interface Db {
  readonly connection: DuckDBConnection;
  /** The folder DuckDB spills to (removed by `close()`). */
  readonly spillDir: string;
  /** Runs `sql`, drawing the query's progress on `progress` while it runs. */
  run(sql: string, progress?: Progress): Promise<DuckDBResultReader>;
  /** Runs `sql` and hands its rows to `each` one chunk (a few thousand rows) at a time. */
  forEachRow(sql: string, each: (row: readonly unknown[]) => void): Promise<void>;
  close(): void;
}

/**
 * Opens the working database: in memory up to `memoryLimit`, spilling to a temp folder beyond it, so a
 * log larger than memory is aggregated out of core (an on-disk database would also write every table
 * through, for nothing: it is thrown away). Insertion order is not kept (DuckDB then need not buffer
 * rows to keep it; the load turns it on for itself, to number lines). No extension is ever downloaded.
 */
export async function openDb(settings: DbSettings): Promise<Db> {
  const folder = mkdtempSync(join(settings.tempDir ?? tmpdir(), 'inkling-train-'));
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(':memory:', {
      // In DuckDB's units (MB = 1000^2 bytes, as `parseSize` reads them): a bare byte count is not one.
      memory_limit: `${Math.round(parseSize(settings.memoryLimit, '--memory-limit') / 1e6)}MB`,
      temp_directory: join(folder, 'spill'),
      threads: String(settings.threads),
      preserve_insertion_order: 'false',
      allocator_background_threads: 'true',
      allocator_flush_threshold: '32MB',
      autoinstall_known_extensions: 'false',
    });
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const connection = await instance.connect();
  // Progress is computed only with the bar on; DuckDB must not print its own.
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  const spilling = (error: unknown): never => {
    throw resourceFailure(error, settings) ?? error;
  };
  return {
    connection,
    spillDir: join(folder, 'spill'),
    async run(sql, progress) {
      const timer = progress
        ? setInterval(() => {
            const p = connection.progress;
            if (p.percentage >= 0) progress.update(p.percentage / 100);
          }, 200)
        : undefined;
      try {
        return await connection.runAndReadAll(sql);
      } catch (error) {
        return spilling(error);
      } finally {
        if (timer) clearInterval(timer);
      }
    },
    async forEachRow(sql, each) {
      try {
        const result = await connection.stream(sql);
        for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          for (const row of chunk.getRows()) each(row);
        }
      } catch (error) {
        spilling(error);
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * DuckDB's "out of memory" (the limit is reached and nothing more can spill) and "no space left" (the
 * spill folder's disk is full) as errors naming the settings that fix them; undefined for any other error.
 */
export function resourceFailure(error: unknown, settings: DbSettings): TrainError | undefined {
  if (error instanceof TrainError) return undefined;
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split('\n')[0]!;
  if (/no space left|disk full|max_temp_directory_size/i.test(text)) {
    return resourceError(
      `DuckDB could not spill to ${settings.tempDir ?? tmpdir()} (${first}). Free disk space there or point ` +
        '--temp-dir at a larger disk',
    );
  }
  if (/out of memory/i.test(text)) {
    return resourceError(
      `DuckDB ran out of memory within --memory-limit ${settings.memoryLimit} (${first}). Raise --memory-limit, ` +
        'lower --threads (each thread holds its own buffers), or free disk in --temp-dir (DuckDB spills there)',
    );
  }
  return undefined;
}

/** A SQL string literal. */
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
/** A SQL identifier. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
