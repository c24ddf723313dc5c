// The five shared datasets in the documented CSV form of `inkling train` (docs/train.md, "Columns"), and
// the time split of the quality bench: train on events strictly before it, score lists at or after it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireDatasetsDir } from '../datasets-dir.mjs';

/** The documented columns, in the order the CSV is written. */
export const HEADER = [
  'session_id',
  'visitor_id',
  'item_id',
  'event_type',
  'timestamp',
  'list_id',
  'position',
  'category',
];

/** A minimal CSV line splitter (quoted fields with commas, doubled quotes). */
function splitCsv(line, sep = ',') {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

function lines(dir, file) {
  return readFileSync(join(dir, file), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

const row = (session, visitor, item, type, time, extra = {}) => ({
  session_id: session,
  visitor_id: visitor,
  item_id: item,
  event_type: type,
  timestamp: time,
  ...extra,
});

/** Each dataset as documented rows (`timestamp` in ms) and the times of its ranked lists. */
export const DATASETS = {
  'trivago-100k': (dir) => {
    const [head, ...body] = lines(dir, 'trivago-100k/trivago_val_100k.csv');
    const h = splitCsv(head);
    const at = (name) => h.indexOf(name);
    const rows = [];
    const lists = [];
    for (const line of body) {
      const f = splitCsv(line);
      const [user, session, time, action, ref] = [
        f[at('user_id')],
        f[at('session_id')],
        Number(f[at('timestamp')]) * 1000,
        f[at('action_type')],
        f[at('reference')],
      ];
      if (action === 'clickout item') {
        const shown = (f[at('impressions')] ?? '').split('|').filter(Boolean);
        shown.forEach((id, i) =>
          rows.push(row(session, user, id, 'impression', time, { list_id: 'results', position: i })),
        );
        rows.push(
          row(session, user, ref, 'click', time, { list_id: 'results', position: Math.max(0, shown.indexOf(ref)) }),
        );
        if (shown.includes(ref)) lists.push(time);
      } else if (action.startsWith('interaction item')) rows.push(row(session, user, ref, 'view', time));
    }
    return { rows, lists };
  },
  'rees46-oct2019-head': (dir) => {
    const [head, ...body] = lines(dir, 'rees46-oct2019-head/2019-Oct.csv');
    const h = splitCsv(head);
    const rows = [];
    for (const line of body) {
      const f = splitCsv(line);
      if (f.length !== h.length) continue; // the head of a larger file: its last line stops mid-record
      const r = Object.fromEntries(h.map((name, i) => [name, f[i]]));
      const time = Date.parse(r.event_time.replace(' UTC', 'Z').replace(' ', 'T'));
      rows.push(row(r.user_session, r.user_id, r.product_id, r.event_type, time, { category: r.category_id }));
    }
    return { rows, lists: nextItemTimes(rows) };
  },
  'taobao-userbehavior-sample': (dir) => {
    // The bench treats a shopper's nine days as one session (bench/quality/datasets/taobao.ts).
    const rows = lines(dir, 'taobao-userbehavior-sample/UserBehavior.csv').map((line) => {
      const [user, item, category, behavior, ts] = line.split(',');
      return row(user, user, item, behavior, Number(ts) * 1000, { category });
    });
    return { rows, lists: nextItemTimes(rows) };
  },
  'otto-sample': (dir) => {
    const rows = lines(dir, 'otto-sample/train.jsonl').flatMap((line) => {
      const s = JSON.parse(line);
      return s.events.map((e) => row(String(s.session), String(s.session), String(e.aid), e.type, e.ts));
    });
    return { rows, lists: nextItemTimes(rows) };
  },
  'diginetica-sample': (dir) => {
    const [, ...body] = lines(dir, 'diginetica-sample/sample_train-item-views.csv');
    const rows = body.map((line) => {
      const [session, , item, timeframe, date] = line.split(';');
      return row(session, session, item, 'view', Date.parse(`${date}T00:00:00Z`) + Number(timeframe));
    });
    return { rows, lists: nextItemTimes(rows) };
  },
};

/** The times of the next-item lists: each event on an item other than the session's previous one. */
function nextItemTimes(rows) {
  const sorted = [...rows].sort((a, b) => a.timestamp - b.timestamp);
  const previous = new Map();
  const times = [];
  for (const r of sorted) {
    const before = previous.get(r.session_id);
    if (before !== undefined && before !== r.item_id) times.push(r.timestamp);
    previous.set(r.session_id, r.item_id);
  }
  return times;
}

/** The median list time (bench/quality/datasets/replay.ts `medianListTime`). */
export function medianTime(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const cell = (v) =>
  v === undefined || v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);

/**
 * Writes `name`'s rows strictly before its split time (or `before`) to `file` as documented CSV;
 * returns the split time and the number of rows written.
 */
export function writeEarlierPart(name, file, dir = requireDatasetsDir(), before) {
  const { rows, lists } = DATASETS[name](dir);
  const split = before ?? medianTime(lists);
  const early = rows.filter((r) => r.timestamp < split);
  writeFileSync(
    file,
    [HEADER.join(','), ...early.map((r) => HEADER.map((c) => cell(r[c])).join(','))].join('\n') + '\n',
  );
  return { split, rows: early.length };
}
