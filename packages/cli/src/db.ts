import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import type { Progress } from './progress.js';

/** A DuckDB database bounded in memory, spilling to a temp folder; `close()` removes the folder. */
export interface Db {
  readonly connection: DuckDBConnection;
  /** Runs `sql`, drawing the query's progress on `progress` while it runs. */
  run(sql: string, progress?: Progress): Promise<DuckDBResultReader>;
  close(): void;
}

/**
 * Opens the working database: in memory up to `memoryLimit`, spilling to a temp folder beyond it, so a
 * log larger than memory is aggregated out of core (an on-disk database would also write every table
 * through, for nothing: it is thrown away). No extension is ever downloaded.
 */
export async function openDb(memoryLimit: string, tempParent?: string): Promise<Db> {
  const folder = mkdtempSync(join(tempParent ?? tmpdir(), 'inkling-train-'));
  const instance = await DuckDBInstance.create(':memory:', {
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
