import { describe, expect, it } from 'vitest';
import { digineticaFromRecords } from '../../../bench/quality/datasets/diginetica.js';
import { ottoFromLines } from '../../../bench/quality/datasets/otto.js';
import { drawCandidates } from '../../../bench/quality/datasets/sessions.js';
import { lateOnly } from '../../../bench/quality/subsample.js';
import type { QualityDataset, RankTask } from '../../../bench/quality/types.js';

function tasks(dataset: QualityDataset): RankTask[] {
  return dataset.visitors.flatMap((v) => v.steps.flatMap((s) => (s.kind === 'rank' ? [s.task] : [])));
}

describe('id-only session loaders', () => {
  // Session 1 views 10, 20 (new to the log: not scored), 10; session 2, later, 20, 30 (new: not scored), 20.
  const records = [
    ['1', 'NA', '10', '0', '2016-05-09'],
    ['1', 'NA', '20', '1000', '2016-05-09'],
    ['1', 'NA', '10', '2000', '2016-05-09'],
    ['2', 'NA', '20', '0', '2016-05-10'],
    ['2', 'NA', '30', '5000', '2016-05-10'],
    ['2', 'NA', '20', '9000', '2016-05-10'],
  ];

  it("diginetica: one list per change of item, the session's earlier items among the candidates, order none", () => {
    const dataset = digineticaFromRecords(records);
    const lists = tasks(dataset);
    expect(lists.map((t) => t.target)).toEqual(['10', '20']);
    expect(dataset.protocol).toContain('2 of 4 next items were never engaged with before');
    for (const task of lists) {
      expect(task.context.order).toBe('none');
      expect(task.items.map((i) => i.id)).toContain(task.target);
    }
    // The visitor's second list (back to 20 after 30): 30, the item on screen, is not a candidate.
    expect(lists[1]!.items.map((i) => i.id)).not.toContain('30');
    // Popularity counts distinct visitors strictly before the list.
    expect(lists[0]!.items.find((i) => i.id === '10')?.popularity).toBe(1);
  });

  it('otto: JSON lines with clicks, carts and orders', () => {
    const lines = [
      JSON.stringify({
        session: 0,
        events: [
          { aid: 1, ts: 1000, type: 'clicks' },
          { aid: 2, ts: 2000, type: 'carts' },
          { aid: 1, ts: 3000, type: 'orders' },
        ],
      }),
      '',
    ];
    const dataset = ottoFromLines(lines);
    const events = dataset.visitors[0]!.steps.flatMap((s) => (s.kind === 'event' ? [s.event.type] : []));
    expect(events).toEqual(['click', 'add_to_cart', 'purchase']);
    expect(tasks(dataset).map((t) => t.target)).toEqual(['1']);
    expect(() => ottoFromLines([JSON.stringify({ session: 1, events: [{ aid: 1, ts: 1, type: 'likes' }] })])).toThrow(
      'otto: unknown event type likes',
    );
  });

  it('draws candidates deterministically, without the item on screen', () => {
    const seen = Array.from({ length: 500 }, (_, i) => `s${i}`);
    const a = drawCandidates('t', ['e1', 'now'], seen, 50, 7, 'now');
    expect(a).toEqual(drawCandidates('t', ['e1', 'now'], seen, 50, 7, 'now'));
    expect(a).toHaveLength(50);
    expect(a.slice(0, 2)).toEqual(['t', 'e1']);
    expect(a).not.toContain('now');
  });

  it('keeps late lists only, whole visitors by a fixed stride', () => {
    const dataset = digineticaFromRecords(records);
    const late = lateOnly(dataset, 1);
    expect(tasks(late).every((t) => t.split === 'late')).toBe(true);
    expect(tasks(late).length).toBe(1);
  });
});
