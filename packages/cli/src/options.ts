import { availableParallelism } from 'node:os';
import { usageError } from './errors.js';

/** The documented columns of a log export (docs/train.md, "Columns"). */
export const COLUMNS = [
  'session_id',
  'visitor_id',
  'item_id',
  'event_type',
  'timestamp',
  'list_id',
  'position',
  'category',
] as const;
/** One documented column. */
export type Column = (typeof COLUMNS)[number];
/** Columns a log must have (after `--columns`); the others are optional. */
export const REQUIRED: readonly Column[] = ['session_id', 'item_id', 'timestamp'];

/** How the log's file is read. `ga4` is a GA4 BigQuery export (events_* rows with an `items` array). */
export type Format = 'csv' | 'jsonl' | 'parquet' | 'ga4';

/** Everything `train` needs; `parseArgs` fills the defaults. */
export interface TrainOptions {
  /** The log export, or undefined with `pairs` alone (neighbours only). */
  readonly input?: string;
  readonly out: string;
  readonly format?: Format;
  /** Documented column -> the file's column name. */
  readonly columns: Readonly<Partial<Record<Column, string>>>;
  /** The privacy floor: pairs seen in fewer sessions are dropped. */
  readonly minCount: number;
  /** Neighbours kept per item. */
  readonly k: number;
  /** Sessions engaging more distinct items than this are left out of the neighbours. */
  readonly maxSessionItems: number;
  /** A Parquet file of the co-occurrence query's output, computed elsewhere (Spark, BigQuery). */
  readonly pairs?: string;
  /** DuckDB's memory_limit, e.g. `1GB`: beyond it, DuckDB spills to `tempDir`. */
  readonly memoryLimit: string;
  /** Where DuckDB spills and keeps its working database (default: a new folder in the OS temp dir). */
  readonly tempDir?: string;
  /** DuckDB's threads (default: one per `MEMORY_PER_THREAD` of the limit, at most one per core). */
  readonly threads: number;
  /** Input files larger than this many bytes are refused. */
  readonly maxInputBytes: number;
  /** Most lists the model is fitted on (sampled by session when the log has more). */
  readonly modelLists: number;
  readonly kind: 'mlp' | 'logistic';
  /** Skip model.json (neighbours only). */
  readonly model: boolean;
  readonly quiet: boolean;
}

/** The smallest `--memory-limit`: below it DuckDB cannot hold one thread's working buffers. */
export const MIN_MEMORY = 100e6;
/** Memory a DuckDB thread is given by default: the join and aggregations need buffers per thread. */
export const MEMORY_PER_THREAD = 256e6;

const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?$/i;
const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/** Parses `1GB`, `500MB`, `1048576` into bytes. */
export function parseSize(text: string, option: string): number {
  const match = SIZE.exec(text.trim());
  if (!match) throw usageError(`${option} must be a size like 500MB or 2GB, not "${text}"`);
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? 'B').toUpperCase()]!);
}

function positiveInteger(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw usageError(`${option} must be a positive integer, not "${text}"`);
  return n;
}

/** Parses `session_id=user_session,item_id=product_id`. */
export function parseColumns(text: string): Partial<Record<Column, string>> {
  const out: Partial<Record<Column, string>> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [key, name] = part.split('=').map((s) => s.trim());
    if (!COLUMNS.includes(key as Column) || !name) {
      throw usageError(`--columns takes COLUMN=NAME pairs with COLUMN one of ${COLUMNS.join(', ')}; got "${part}"`);
    }
    out[key as Column] = name;
  }
  return out;
}

/** The usage text printed by `inkling --help`. */
export const USAGE = `Usage: inkling train LOG --out DIR [options]
       inkling train --pairs PAIRS.parquet --out DIR [options]

Builds model.json and neighbours.json from an export of a site's interaction log (docs/train.md).

  LOG                     CSV, JSON lines or Parquet (by extension, or --format)
  --out DIR               where model.json and neighbours.json are written (created if missing)
  --format F              csv | jsonl | parquet | ga4 (a GA4 BigQuery export with an items array)
  --columns C=NAME,...    map documented columns to the file's: ${COLUMNS.join(', ')}
  --min-count N           privacy floor: drop pairs seen in fewer than N sessions (default 3)
  --k N                   neighbours kept per item (default 20)
  --max-session-items N   leave out sessions engaging more than N items (default 100)
  --pairs FILE            the co-occurrence query's output computed elsewhere (Parquet)
  --memory-limit SIZE     DuckDB's memory limit; beyond it DuckDB spills to --temp-dir (default 1GB)
  --temp-dir DIR          where DuckDB spills (default: the OS temp directory)
  --threads N             DuckDB's threads (default: one per 256MB of --memory-limit, at most one per core)
  --max-input-size SIZE   refuse larger input files (default 1GB)
  --model-lists N         most lists the model is fitted on (default 3000)
  --kind mlp|logistic     the model's shape (default mlp, like the shipped prior)
  --no-model              write neighbours.json only
  --quiet                 no progress bar
`;

/** Parses `train`'s arguments (everything after the word `train`). */
export function parseArgs(argv: readonly string[]): TrainOptions {
  let input: string | undefined;
  const o: {
    -readonly [K in keyof TrainOptions]: TrainOptions[K];
  } = {
    out: '',
    columns: {},
    minCount: 3,
    k: 20,
    maxSessionItems: 100,
    memoryLimit: '1GB',
    threads: 0,
    maxInputBytes: 1e9,
    modelLists: 3000,
    kind: 'mlp',
    model: true,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw usageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--out':
        o.out = value();
        break;
      case '--format': {
        const f = value();
        if (!['csv', 'jsonl', 'parquet', 'ga4'].includes(f))
          throw usageError(`--format must be csv, jsonl, parquet or ga4, not "${f}"`);
        o.format = f as Format;
        break;
      }
      case '--columns':
        o.columns = { ...o.columns, ...parseColumns(value()) };
        break;
      case '--min-count':
        o.minCount = positiveInteger(value(), arg);
        break;
      case '--k':
        o.k = positiveInteger(value(), arg);
        break;
      case '--max-session-items':
        o.maxSessionItems = positiveInteger(value(), arg);
        break;
      case '--pairs':
        o.pairs = value();
        break;
      case '--memory-limit':
        if (parseSize(value(), arg) < MIN_MEMORY)
          throw usageError(
            `--memory-limit must be at least 100MB (DuckDB needs room for its buffers), not "${argv[i]}"`,
          );
        o.memoryLimit = argv[i]!;
        break;
      case '--threads':
        o.threads = positiveInteger(value(), arg);
        break;
      case '--temp-dir':
        o.tempDir = value();
        break;
      case '--max-input-size':
        o.maxInputBytes = parseSize(value(), arg);
        break;
      case '--model-lists':
        o.modelLists = positiveInteger(value(), arg);
        break;
      case '--kind': {
        const k = value();
        if (k !== 'mlp' && k !== 'logistic') throw usageError(`--kind must be mlp or logistic, not "${k}"`);
        o.kind = k;
        break;
      }
      case '--no-model':
        o.model = false;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      default:
        if (arg.startsWith('-')) throw usageError(`unknown option ${arg} (inkling --help lists them)`);
        if (input !== undefined) throw usageError(`one log file at a time: got "${input}" and "${arg}"`);
        input = arg;
    }
  }
  if (!o.out) throw usageError('--out DIR is required');
  if (input === undefined && o.pairs === undefined) throw usageError('give a log file, or --pairs with a Parquet file');
  if (input === undefined && o.model) o.model = false;
  if (o.threads === 0) {
    const byMemory = Math.floor(parseSize(o.memoryLimit, '--memory-limit') / MEMORY_PER_THREAD);
    o.threads = Math.max(1, Math.min(availableParallelism(), byMemory));
  }
  return { ...o, ...(input !== undefined && { input }) };
}
