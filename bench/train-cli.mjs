// Times `inkling train` on a 10-million-row log made by repeating a shared dataset (rees46-oct2019-head)
// with shifted session, visitor and item ids and shifted times; prints wall time, peak RSS (the CLI's
// process, DuckDB included) and the output sizes. Usage:
//   node bench/train-cli.mjs [--rows 10000000] [--memory-limit 1GB] [--keep] [-- more inkling train options]
// The log (about 0.7 GB) and the outputs go to a temp folder, removed at the end unless --keep.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASETS, datasetsDir, HEADER } from './train/datasets.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const wanted = Number(arg('--rows', '10000000'));
const memoryLimit = arg('--memory-limit', '1GB');
const passThrough = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'inkling-train-bench-'));
const log = join(dir, 'log.csv');

/** Writes `wanted` rows: copy c of the dataset gets ids suffixed with c and times moved by c spans. */
async function writeLog() {
  const { rows } = DATASETS['rees46-oct2019-head'](datasetsDir(root));
  const sessions = new Map();
  const short = (id) => sessions.get(id) ?? (sessions.set(id, sessions.size.toString(36)), sessions.get(id));
  const times = rows.map((r) => r.timestamp);
  const span = Math.max(...times) - Math.min(...times) + 1000;
  const out = createWriteStream(log);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(HEADER.join(',') + '\n');
  let written = 0;
  for (let copy = 0; written < wanted; copy++) {
    // Items repeat across ten catalogues, so pairs keep counting up while the catalogue grows tenfold.
    const itemShift = copy % 10;
    let chunk = '';
    for (const r of rows) {
      if (written++ >= wanted) break;
      const seconds = Math.round((r.timestamp + copy * span) / 1000);
      chunk += `${short(r.session_id)}.${copy},${r.visitor_id}.${copy},${r.item_id}.${itemShift},${r.event_type},${seconds},,,${r.category}\n`;
    }
    await write(chunk);
  }
  await new Promise((resolve) => out.end(resolve));
}

/** Runs the CLI and samples its peak resident set (VmHWM) from /proc. */
function train() {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        join(root, 'packages/cli/bin/inkling.mjs'),
        'train',
        log,
        '--out',
        join(dir, 'out'),
        '--memory-limit',
        memoryLimit,
        '--temp-dir',
        dir,
        ...passThrough,
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    let peakKb = 0;
    const timer = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // The process has ended.
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 });
    });
  });
}

try {
  const t0 = performance.now();
  await writeLog();
  const size = statSync(log).size;
  console.log(
    `log: ${wanted.toLocaleString('en')} rows, ${(size / 1e6).toFixed(0)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const result = await train();
  const sizeOf = (name) => {
    try {
      return `${(statSync(join(dir, 'out', name)).size / 1e6).toFixed(2)} MB`;
    } catch {
      return 'not written';
    }
  };
  console.log(
    `inkling train: exit ${result.code}, ${result.seconds.toFixed(1)} s, peak RSS ${result.peakMb.toFixed(0)} MB (--memory-limit ${memoryLimit}); ` +
      `neighbours.json ${sizeOf('neighbours.json')}, model.json ${sizeOf('model.json')}`,
  );
  process.exitCode = result.code ?? 1;
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
