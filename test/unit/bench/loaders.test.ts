import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { originalOrder } from '../../../bench/quality/baselines.js';
import { parseCsv, parseCsvObjects } from '../../../bench/quality/csv.js';
import { datasetsDir } from '../../../bench/datasets-dir.mjs';
import { rees46FromRows } from '../../../bench/quality/datasets/rees46.js';
import { taobaoFromRecords } from '../../../bench/quality/datasets/taobao.js';
import { loadTrivago, trivagoFromRows } from '../../../bench/quality/datasets/trivago.js';
import { evaluate } from '../../../bench/quality/evaluate.js';
import type { QualityDataset, RankTask } from '../../../bench/quality/types.js';

const dir = datasetsDir();
if (!dir) console.warn('shared datasets not found (set INKLING_DATASETS): loader tests on real excerpts are skipped');

/** The first `lines` lines of a shared dataset file. */
function head(file: string, lines: number): string {
  return readFileSync(join(dir!, file), 'utf8').split('\n').slice(0, lines).join('\n');
}

function tasks(dataset: QualityDataset): RankTask[] {
  return dataset.visitors.flatMap((v) => v.steps.flatMap((s) => (s.kind === 'rank' ? [s.task] : [])));
}

describe('trivago loader on a hand-written session', () => {
  const header =
    'user_id,session_id,timestamp,step,action_type,reference,platform,city,device,current_filters,impressions,prices';
  const rows = parseCsvObjects(
    [
      header,
      'u1,s1,100,2,clickout item,h2,FR,"Paris, France",mobile,,h1|h2|h3,10|20|30',
      'u1,s1,90,1,interaction item image,h3,FR,"Paris, France",mobile,,,',
      'u1,s1,110,3,clickout item,h3,FR,"Paris, France",mobile,,h3|h1,30|10',
    ].join('\n'),
  );
  const dataset = trivagoFromRows(rows);

  it('replays in step order: views, then each list before its own impressions and click', () => {
    const steps = dataset.visitors[0]!.steps.map((s) =>
      s.kind === 'rank' ? `rank:${s.task.target}` : `${s.event.type}:${s.event.itemId}`,
    );
    expect(steps).toEqual([
      'view:h3',
      'rank:h2',
      'impression:h1',
      'impression:h2',
      'impression:h3',
      'click:h2',
      'rank:h3',
      'impression:h3',
      'impression:h1',
      'click:h3',
    ]);
  });

  it('keeps display order, prices and device, and counts popularity only from the past', () => {
    const [first, second] = tasks(dataset);
    expect(first!.items).toEqual([
      { id: 'h1', price: 10, popularity: 0 },
      { id: 'h2', price: 20, popularity: 0 },
      { id: 'h3', price: 30, popularity: 1 },
    ]);
    expect(first!.context).toMatchObject({ device: 'mobile', time: 100_000, visitorId: 'u1' });
    // h3 was viewed and h2 clicked before the second list, by the same single visitor.
    expect(second!.items.map((i) => i.popularity)).toEqual([1, 0]);
  });
});

describe.skipIf(!dir)('loaders on the shared datasets', () => {
  it('trivago: one list per clickout whose reference is listed, in an excerpt', () => {
    const rows = parseCsvObjects(head('trivago-100k/trivago_val_100k.csv', 400));
    const expected = rows.filter(
      (r) => r['action_type'] === 'clickout item' && r['impressions']!.split('|').includes(r['reference']!),
    );
    const dataset = trivagoFromRows(rows);
    const found = tasks(dataset);
    expect(found.length).toBe(expected.length);
    expect(found.every((t) => t.items.some((i) => i.id === t.target))).toBe(true);
    expect(new Set(found.map((t) => t.split))).toEqual(new Set(['early', 'late']));
  });

  it('trivago: the whole file gives 13,596 lists and the display order scores MRR 0.450', async () => {
    const dataset = loadTrivago(dir!);
    const result = await evaluate(dataset, originalOrder());
    expect(result.bySplit.all.lists).toBe(13_596);
    expect(result.bySplit.all.mrr).toBeCloseTo(0.45, 3);
  });

  it('rees46: candidates come from the session categories and were seen before the list', () => {
    const rows = parseCsvObjects(head('rees46-oct2019-head/2019-Oct.csv', 3000));
    const dataset = rees46FromRows(rows);
    const firstSeen = new Map<string, number>();
    for (const r of rows) {
      const t = Date.parse(r['event_time']!.replace(' UTC', 'Z').replace(' ', 'T'));
      if (!firstSeen.has(r['product_id']!)) firstSeen.set(r['product_id']!, t);
    }
    const found = tasks(dataset);
    expect(found.length).toBeGreaterThan(50);
    for (const visitor of dataset.visitors) {
      const categories = new Set<string>();
      for (const s of visitor.steps) {
        if (s.kind === 'event') {
          categories.add(s.event.item?.category ?? '');
          continue;
        }
        expect(s.task.items.some((i) => i.id === s.task.target)).toBe(true);
        for (const item of s.task.items) {
          expect(categories.has(item.category!)).toBe(true);
          expect(firstSeen.get(item.id)!).toBeLessThan(s.task.context.time);
        }
      }
    }
  });

  it('taobao: per-visitor replay in time order with purchases remembered', () => {
    const records = parseCsv(readFileSync(join(dir!, 'taobao-userbehavior-sample/UserBehavior.csv'), 'utf8'));
    const dataset = taobaoFromRecords(records);
    expect(dataset.visitors.length).toBe(43);
    const events = dataset.visitors.flatMap((v) => v.steps.filter((s) => s.kind === 'event'));
    expect(events.length).toBe(records.length);
    for (const v of dataset.visitors) {
      const times = v.steps.map((s) => (s.kind === 'event' ? s.event.time : s.task.context.time));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const withPurchases = tasks(dataset).filter((t) => t.purchasedBefore?.length);
    expect(withPurchases.length).toBeGreaterThan(0);
  });
});
