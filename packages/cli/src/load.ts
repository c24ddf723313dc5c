import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Db } from './db.js';
import { ident, literal } from './db.js';
import { inputError, TrainError } from './errors.js';
import { GA4_SELECT } from './ga4.js';
import { COLUMNS, REQUIRED, type Column, type Format, type TrainOptions } from './options.js';
import type { Progress } from './progress.js';

/**
 * Event names a log may use, mapped to Inkling's (GA4 and Segment ecommerce names, and the shared
 * datasets' own words). Anything else is ignored and counted.
 */
export const EVENT_TYPES: Readonly<Record<string, string>> = {
  view: 'view',
  pv: 'view',
  view_item: 'view',
  'product viewed': 'view',
  detail: 'view',
  click: 'click',
  clicks: 'click',
  select_item: 'click',
  select_content: 'click',
  'product clicked': 'click',
  add_to_cart: 'add_to_cart',
  cart: 'add_to_cart',
  carts: 'add_to_cart',
  'product added': 'add_to_cart',
  fav: 'add_to_cart',
  add_to_wishlist: 'add_to_cart',
  purchase: 'purchase',
  buy: 'purchase',
  order: 'purchase',
  orders: 'purchase',
  'order completed': 'purchase',
  impression: 'impression',
  view_item_list: 'impression',
  'product list viewed': 'impression',
  dismiss: 'dismiss',
};

/** What loading found, for the summary line. */
export interface LoadSummary {
  readonly rows: number;
  readonly kept: number;
  /** Rows dropped for an event type Inkling does not know, by type (the first few). */
  readonly ignoredTypes: Readonly<Record<string, number>>;
  /** Rows dropped for a missing session or item id. */
  readonly missingIds: number;
  readonly hasCategory: boolean;
  readonly hasImpressions: boolean;
}

/** The format from `--format` or the file's extension. */
export function detectFormat(file: string, format: Format | undefined): Format {
  if (format) return format;
  const name = file.toLowerCase().replace(/\.(gz|zst)$/, '');
  const ext = extname(name);
  if (['.csv', '.tsv', '.txt'].includes(ext)) return 'csv';
  if (['.jsonl', '.ndjson', '.json'].includes(ext)) return 'jsonl';
  if (ext === '.parquet') return 'parquet';
  throw inputError(
    `${file}: unknown format "${ext || '(no extension)'}": name it .csv, .jsonl or .parquet, or pass --format csv|jsonl|parquet|ga4`,
  );
}

/** Checks the file exists, is a file, is not empty and is within `--max-input-size`, before DuckDB opens it. */
export function checkFile(file: string, maxBytes: number): void {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw inputError(`${file}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof Error && error.name === 'TrainError') throw error;
    throw inputError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size === 0) throw inputError(`${file}: the log is empty (0 bytes)`);
  if (size > maxBytes) {
    const gb = (n: number): string => `${(n / 1e9).toFixed(2)} GB`;
    throw inputError(
      `${file}: ${gb(size)} is above the input limit of ${gb(maxBytes)}. Raise it with --max-input-size ` +
        '(and give DuckDB room with --memory-limit and --temp-dir), or run sql/co-occurrence.sql on Spark or ' +
        'BigQuery and pass its output with --pairs (docs/train.md)',
    );
  }
}

/** How a row is named in messages: CSV lines count the header, JSON lines do not, Parquet has rows. */
function rowName(format: Format, rowid: number): string {
  if (format === 'csv') return `line ${rowid + 2}`;
  if (format === 'jsonl' || format === 'ga4') return `line ${rowid + 1}`;
  return `row ${rowid + 1}`;
}

/**
 * The CSV delimiter and column names, from the header line: DuckDB's sniffer would otherwise pick
 * another dialect when a bad row disagrees with the rest, and report a missing column, not the bad line.
 */
export function sniffHeader(file: string): { delimiter: string; names: string[] } {
  const buffer = Buffer.alloc(65_536);
  const fd = openSync(file, 'r');
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const header = (buffer.subarray(0, length).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
  const counts = [',', ';', '\t', '|'].map((d) => [d, header.split(d).length - 1] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const names = header.split(delimiter).map((n) =>
    n
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replaceAll('""', '"'),
  );
  return { delimiter, names };
}

function readSql(file: string, format: Format): string {
  const path = literal(file);
  if (format === 'csv') {
    const { delimiter, names } = sniffHeader(file);
    const columns = names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ');
    return `SELECT * FROM read_csv(${path}, auto_detect = false, header = true, delim = ${literal(delimiter)}, quote = '"',
      escape = '"', columns = {${columns}})`;
  }
  if (format === 'jsonl') return `SELECT * FROM read_json(${path}, format = 'newline_delimited')`;
  if (format === 'parquet') return `SELECT * FROM read_parquet(${path})`;
  return GA4_SELECT.replace(
    '{{source}}',
    file.toLowerCase().endsWith('.parquet')
      ? `read_parquet(${path})`
      : `read_json(${path}, format = 'newline_delimited')`,
  );
}

/** A DuckDB error as one line naming the file (a `TrainError` already says what it is: it passes). */
function wrap(file: string, error: unknown): Error {
  if (error instanceof TrainError) return error;
  const text = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .filter(Boolean)
    .slice(0, 4)
    .join(' ');
  return inputError(`${file}: ${text}`);
}

/**
 * Reads the log into the table `events(session_id, visitor_id, item_id, event_type, ts, list_id,
 * position, category)`, with Inkling's event names and `ts` in epoch milliseconds. Checks columns and
 * types and throws an input error naming the file, the line or row, and the column.
 */
export async function loadLog(db: Db, options: TrainOptions, progress: Progress): Promise<LoadSummary> {
  const file = options.input!;
  checkFile(file, options.maxInputBytes);
  const format = detectFormat(file, options.format);
  const source = readSql(file, format);
  let found: string[];
  try {
    found = (await db.run(`DESCRIBE ${source}`)).getRowObjects().map((r) => String(r['column_name']));
  } catch (error) {
    throw wrap(file, error);
  }
  const column = (name: Column): string | undefined => {
    const mapped = options.columns[name] ?? (format === 'ga4' ? name : undefined);
    if (mapped !== undefined) {
      if (!found.includes(mapped)) {
        throw inputError(
          `${file}: no column "${mapped}" (mapped to ${name} by --columns); the file has: ${found.join(', ')}`,
        );
      }
      return mapped;
    }
    return found.includes(name) ? name : undefined;
  };
  const cols = Object.fromEntries(COLUMNS.map((c) => [c, column(c)])) as Record<Column, string | undefined>;
  for (const name of REQUIRED) {
    if (!cols[name]) {
      throw inputError(
        `${file}: no column "${name}"; the file has: ${found.join(', ')}. Map one with --columns ${name}=NAME`,
      );
    }
  }
  const text = (c: Column): string => (cols[c] ? `CAST(${ident(cols[c]!)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)');
  progress.stage('reading the log');
  // One pass over the file, only the columns used. In file order, so that a row's `rowid` names its line.
  await db.run('SET preserve_insertion_order = true');
  try {
    await db.run(
      `CREATE TABLE typed AS SELECT ${text('session_id')} AS session_id, ${text('visitor_id')} AS visitor_id,
        ${text('item_id')} AS item_id, lower(trim(${cols.event_type ? text('event_type') : "'view'"})) AS raw_type,
        trim(${text('timestamp')}) AS raw_ts, ${text('list_id')} AS list_id, trim(${text('position')}) AS raw_position,
        ${text('category')} AS category FROM (${source})`,
      progress,
    );
  } catch (error) {
    throw wrap(file, error);
  } finally {
    await db.run('SET preserve_insertion_order = false');
  }
  progress.done();
  const rows = Number((await db.run('SELECT count(*) AS n FROM typed')).getRowObjects()[0]!['n']);
  if (rows === 0) throw inputError(`${file}: the log is empty (no rows after the header)`);
  await checkTypes(db, file, format, cols);
  return normalize(db, rows, cols);
}

const NUMERIC = "regexp_full_match(raw_ts, '-?[0-9]+(\\.[0-9]+)?')";

/** Finds the first timestamp and position that do not parse and names their line. */
async function checkTypes(
  db: Db,
  file: string,
  format: Format,
  cols: Record<Column, string | undefined>,
): Promise<void> {
  const badTs = (
    await db.run(`SELECT rowid AS r, raw_ts FROM typed WHERE raw_ts IS NOT NULL AND raw_ts <> '' AND NOT ${NUMERIC}
      AND try_cast(raw_ts AS TIMESTAMPTZ) IS NULL ORDER BY r LIMIT 1`)
  ).getRowObjects()[0];
  if (badTs) {
    throw inputError(
      `${file} ${rowName(format, Number(badTs['r']))}: column "${cols.timestamp}" (timestamp): "${String(badTs['raw_ts'])}" ` +
        'is not a time (epoch seconds, milliseconds or microseconds, or ISO 8601)',
    );
  }
  const missingTs = (
    await db.run("SELECT rowid AS r FROM typed WHERE raw_ts IS NULL OR raw_ts = '' ORDER BY r LIMIT 1")
  ).getRowObjects()[0];
  if (missingTs)
    throw inputError(
      `${file} ${rowName(format, Number(missingTs['r']))}: column "${cols.timestamp}" (timestamp) is empty`,
    );
  if (cols.position) {
    const bad = (
      await db.run(`SELECT rowid AS r, raw_position FROM typed WHERE raw_position IS NOT NULL AND raw_position <> ''
        AND (try_cast(raw_position AS DOUBLE) IS NULL OR try_cast(raw_position AS DOUBLE) < 0
          OR try_cast(raw_position AS DOUBLE) <> floor(try_cast(raw_position AS DOUBLE))) ORDER BY r LIMIT 1`)
    ).getRowObjects()[0];
    if (bad) {
      throw inputError(
        `${file} ${rowName(format, Number(bad['r']))}: column "${cols.position}" (position): "${String(bad['raw_position'])}" is not a whole number >= 0`,
      );
    }
  }
}

/** Builds `events` from `typed`: Inkling's event names, times in ms, rows without ids or known types dropped. */
async function normalize(db: Db, rows: number, cols: Record<Column, string | undefined>): Promise<LoadSummary> {
  await db.run(`CREATE TABLE event_names (raw_type VARCHAR, event_type VARCHAR)`);
  const pairs = Object.entries(EVENT_TYPES).map(([from, to]) => `(${literal(from)}, ${literal(to)})`);
  await db.run(`INSERT INTO event_names VALUES ${pairs.join(', ')}`);
  // Numeric times are read in the unit their size implies: seconds, milliseconds or microseconds (GA4).
  const scale = (
    await db.run(`SELECT max(abs(CAST(raw_ts AS DOUBLE))) AS m FROM typed WHERE ${NUMERIC}`)
  ).getRowObjects()[0]!['m'];
  const m = scale === null ? 0 : Number(scale);
  const factor = m > 1e14 ? 0.001 : m > 1e11 ? 1 : 1000;
  await db.run(`CREATE TABLE events AS SELECT t.session_id, coalesce(t.visitor_id, t.session_id) AS visitor_id, t.item_id,
      n.event_type,
      CASE WHEN ${NUMERIC.replaceAll('raw_ts', 't.raw_ts')} THEN CAST(round(CAST(t.raw_ts AS DOUBLE) * ${factor}) AS BIGINT)
        ELSE epoch_ms(CAST(t.raw_ts AS TIMESTAMPTZ)) END AS ts,
      t.list_id, CAST(try_cast(t.raw_position AS DOUBLE) AS INTEGER) AS position, t.category
    FROM typed t JOIN event_names n ON n.raw_type = t.raw_type
    WHERE t.session_id IS NOT NULL AND t.session_id <> '' AND t.item_id IS NOT NULL AND t.item_id <> ''`);
  const ignored = (
    await db.run(`SELECT raw_type, count(*) AS n FROM typed WHERE raw_type NOT IN (SELECT raw_type FROM event_names)
      GROUP BY raw_type ORDER BY n DESC LIMIT 5`)
  ).getRowObjects();
  const missingIds = Number(
    (
      await db.run(`SELECT count(*) AS n FROM typed WHERE raw_type IN (SELECT raw_type FROM event_names)
        AND (session_id IS NULL OR session_id = '' OR item_id IS NULL OR item_id = '')`)
    ).getRowObjects()[0]!['n'],
  );
  await db.run('DROP TABLE typed');
  const facts = (
    await db.run(`SELECT count(*) AS kept, count(category) AS categories,
      count(*) FILTER (WHERE event_type = 'impression' AND list_id IS NOT NULL AND position IS NOT NULL) AS impressions FROM events`)
  ).getRowObjects()[0]!;
  return {
    rows,
    kept: Number(facts['kept']),
    ignoredTypes: Object.fromEntries(ignored.map((r) => [String(r['raw_type']), Number(r['n'])])),
    missingIds,
    hasCategory: cols.category !== undefined && Number(facts['categories']) > 0,
    hasImpressions: Number(facts['impressions']) > 0,
  };
}
