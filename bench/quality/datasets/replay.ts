import type { InklingEvent, Item } from '../../../common/types.js';
import { mulberry32 } from '../../random.js';
import type { RankTask, ReplayStep, Split, VisitorReplay } from '../types.js';

/**
 * Attaches to every list's items the popularity a site would know at that moment: the number of
 * distinct visitors who viewed, clicked, carted or bought the item strictly before the list was shown,
 * counted over the whole log. Only the past is counted, so there is no leakage.
 */
export function withPastPopularity(visitors: readonly VisitorReplay[]): VisitorReplay[] {
  interface Ref {
    readonly time: number;
    readonly visitor: number;
    readonly step: number;
  }
  const refs: Ref[] = [];
  visitors.forEach((v, visitor) => v.steps.forEach((s, step) => refs.push({ time: stepTime(s), visitor, step })));
  // Lists before events at the same time stamp: an event in the same second may be the answer itself.
  refs.sort((a, b) => a.time - b.time || kindOrder(visitors, a) - kindOrder(visitors, b));
  const fans = new Map<string, Set<string>>();
  const steps = visitors.map((v) => [...v.steps]);
  for (const ref of refs) {
    const step = steps[ref.visitor]![ref.step]!;
    if (step.kind === 'event') {
      if (step.event.type === 'impression' || step.event.type === 'dismiss') continue;
      let set = fans.get(step.event.itemId);
      if (!set) fans.set(step.event.itemId, (set = new Set()));
      set.add(visitors[ref.visitor]!.visitorId);
    } else {
      const items = step.task.items.map((item) => ({ ...item, popularity: fans.get(item.id)?.size ?? 0 }));
      steps[ref.visitor]![ref.step] = { kind: 'rank', task: { ...step.task, items } };
    }
  }
  return visitors.map((v, i) => ({ visitorId: v.visitorId, steps: steps[i]! }));
}

/** The time at which half of the ranked lists have been shown: the boundary of the `early`/`late` split. */
export function medianListTime(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Labels each list `early` or `late` by its time against `splitTime`. */
export function assignSplits(visitors: readonly VisitorReplay[], splitTime: number): VisitorReplay[] {
  return visitors.map((v) => ({
    visitorId: v.visitorId,
    steps: v.steps.map((s): ReplayStep => {
      if (s.kind === 'event') return s;
      const split: Split = s.task.context.time >= splitTime ? 'late' : 'early';
      return { kind: 'rank', task: { ...s.task, split } };
    }),
  }));
}

/** The times of every list in the replay. */
export function listTimes(visitors: readonly VisitorReplay[]): number[] {
  return visitors.flatMap((v) => v.steps.flatMap((s) => (s.kind === 'rank' ? [s.task.context.time] : [])));
}

/** A deterministic shuffle (mulberry32), used where a protocol has no site order to keep. */
export function seededShuffle<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Convenience constructors that keep loaders short. */
export const step = {
  event: (event: InklingEvent): ReplayStep => ({ kind: 'event', event }),
  rank: (task: RankTask): ReplayStep => ({ kind: 'rank', task }),
};

/** An item with only the fields that are defined, so that snapshots stay small. */
export function compactItem(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== '')) as unknown as Item;
}

function stepTime(s: ReplayStep): number {
  return s.kind === 'event' ? s.event.time : s.task.context.time;
}

function kindOrder(visitors: readonly VisitorReplay[], ref: { visitor: number; step: number }): number {
  return visitors[ref.visitor]!.steps[ref.step]!.kind === 'rank' ? 0 : 1;
}
