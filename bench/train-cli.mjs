// Times `inkling train` on a 10-million-row log made by repeating a shared dataset (rees46-oct2019-head)
// with shifted session, visitor and item ids and shifted times; prints, per memory limit, the wall time,
// the peak RSS (the CLI's whole process: Node and DuckDB) and the output sizes. Usage:
//   node bench/train-cli.mjs [--rows 10000000] [--memory-limit 1GB,512MB] [--log PATH] [--keep]
//     [--write-docs] [-- more inkling train options]
// The log (about 0.7 GB) and the outputs go to a temp folder, removed at the end unless --keep; with
// `--log PATH` the log is written there once and reused. `--write-docs` rewrites the `train` section of
// docs/performance.md.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../packages/cli/build.mjs';
import { wantsDocs, writeBenchSection } from '../scripts/bench-docs.mjs';
import { requireDatasetsDir } from './datasets-dir.mjs';
import { DATASETS, HEADER } from './train/datasets.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const wanted = Number(arg('--rows', '10000000'));
const limits = arg('--memory-limit', '1GB').split(',');
const passThrough = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'inkling-train-bench-'));
const log = arg('--log', join(dir, 'log.csv'));

/** Writes `wanted` rows: copy c of the dataset gets ids suffixed with c and times moved by c spans. */
async function writeLog() {
  const { rows } = DATASETS['rees46-oct2019-head'](requireDatasetsDir());
  const sessions = new Map();
  const short = (id) => sessions.get(id) ?? (sessions.set(id, sessions.size.toString(36)), sessions.get(id));
  const times = rows.map((r) => r.timestamp);
  const span = Math.max(...times) - Math.min(...times) + 1000;
  // Written under a temporary name: an interrupted run never leaves a short log for `--log` to reuse.
  const partial = `${log}.${process.pid}.partial`;
  const out = createWriteStream(partial);
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
  renameSync(partial, log);
}

/** The rows of a log written earlier (its lines but the header). */
async function countRows(file) {
  let lines = 0;
  for await (const chunk of (await import('node:fs')).createReadStream(file)) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines - 1;
}

/** Runs the CLI with `memoryLimit` and samples its peak resident set (VmHWM) from /proc. */
function train(memoryLimit) {
  const out = join(dir, `out-${memoryLimit}`);
  const args = ['train', log, '--out', out, '--memory-limit', memoryLimit, '--temp-dir', dir, ...passThrough];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'packages/cli/bin/inkling.mjs'), ...args], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data) => {
      stderr += data;
      process.stderr.write(data);
    });
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
      const threads = /DuckDB: .*?(\d+) threads?/.exec(stderr)?.[1] ?? '?';
      resolve({
        memoryLimit,
        code,
        out,
        threads,
        stderr,
        seconds: (performance.now() - started) / 1000,
        peakMb: peakKb / 1024,
      });
    });
  });
}

const sizeOf = (out, name) => {
  try {
    const bytes = statSync(join(out, name)).size;
    return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} KB` : `${(bytes / 1e6).toFixed(2)} MB`;
  } catch {
    return 'not written';
  }
};

try {
  // The bin builds the bundle when it is stale: build it here, so that the build is not timed.
  await build();
  const t0 = performance.now();
  const reuse = process.argv.includes('--log') && existsSync(log);
  if (!reuse) await writeLog();
  const rows = reuse ? await countRows(log) : wanted;
  const size = statSync(log).size;
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `log: ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(0)} MB, ` +
      (reuse ? 'reused' : `written in ${seconds} s`),
  );
  const results = [];
  for (const limit of limits) {
    const r = await train(limit);
    results.push(r);
    console.log(
      `inkling train --memory-limit ${limit}: exit ${r.code}, ${r.seconds.toFixed(1)} s, ` +
        `${Math.round(rows / r.seconds).toLocaleString('en')} rows/s, peak RSS ${r.peakMb.toFixed(0)} MB; ` +
        `neighbours.json ${sizeOf(r.out, 'neighbours.json')}, model.json ${sizeOf(r.out, 'model.json')}`,
    );
  }
  if (wantsDocs()) {
    const extra = passThrough.length ? ` ${passThrough.join(' ')}` : '';
    const table = [
      `Log: ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(0)} MB of CSV (rees46-oct2019-head repeated` +
        ` with shifted ids and times); \`inkling train LOG --out DIR --memory-limit LIMIT${extra}\`.`,
      '',
      '| --memory-limit | DuckDB threads | exit | wall time | rows/s | peak RSS (whole process) ' +
        '| neighbours.json | model.json |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.map(
        (r) =>
          `| ${r.memoryLimit} | ${r.threads} | ${r.code} | ${r.seconds.toFixed(0)} s ` +
          `| ${Math.round(rows / r.seconds).toLocaleString('en')} ` +
          `| ${r.peakMb.toFixed(0)} MB | ${sizeOf(r.out, 'neighbours.json')} | ${sizeOf(r.out, 'model.json')} |`,
      ),
    ];
    const command =
      `node bench/train-cli.mjs --rows ${rows} --memory-limit ${limits.join(',')}` +
      `${extra ? ` --${extra}` : ''} --write-docs`;
    writeBenchSection('train', table.join('\n'), command);
  }
  process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
