import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import type { Progress } from './progress.js';

/** A DuckDB database on disk in a temp folder, bounded in memory; `close()` removes the folder. */
export interface Db {
  readonly connection: DuckDBConnection;
  /** Runs `sql`, drawing the query's progress on `progress` while it runs. */
  run(sql: string, progress?: Progress): Promise<DuckDBResultReader>;
  close(): void;
}

/**
 * Opens the working database. It lives in a file (not in memory) and spills to the same folder, so a
 * log larger than `memoryLimit` is aggregated out of core; no extension is ever downloaded.
 */
export async function openDb(memoryLimit: string, tempParent?: string): Promise<Db> {
  const folder = mkdtempSync(join(tempParent ?? tmpdir(), 'inkling-train-'));
  const instance = await DuckDBInstance.create(join(folder, 'work.duckdb'), {
    memory_limit: memoryLimit,
    temp_directory: join(folder, 'spill'),
    threads: '2',
    autoinstall_known_extensions: 'false',
  });
  const connection = await instance.connect();
  // Progress is computed only with the bar on; DuckDB must not print its own.
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  return {
    connection,
    async run(sql, progress) {
      const timer = progress
        ? setInterval(() => {
            const p = connection.progress;
            if (p.percentage >= 0) progress.update(p.percentage / 100);
          }, 200)
        : undefined;
      try {
        return await connection.runAndReadAll(sql);
      } finally {
        if (timer) clearInterval(timer);
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A SQL string literal. */
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
/** A SQL identifier. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
