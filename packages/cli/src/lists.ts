import type { EventType, Item } from '../../../common/types.js';
import { buildNextItem, type LogRow } from '../../../bench/quality/datasets/next-item.js';
import { compactItem, seededShuffle, step, withPastPopularity } from '../../../bench/quality/datasets/replay.js';
import type { ReplayStep, VisitorReplay } from '../../../bench/quality/types.js';

/** One log row as the model's list builder reads it (`events`, sampled, oldest first). */
export interface ModelRow {
  readonly sessionId: string;
  readonly visitorId: string;
  readonly itemId: string;
  readonly type: EventType;
  readonly time: number;
  readonly listId: string | null;
  readonly position: number | null;
  readonly category: string | null;
}

/** Candidates per list at most: the bench's category pools reach hundreds, which fitting does not need. */
export const MAX_LIST = 100;
const SLOT = 'site';
/** A click counts for an impression list when it comes within this long after the list was shown. */
const CLICK_WINDOW_MS = 30 * 60_000;

/**
 * Turns the log into visitor replays with lists to fit on, the way bench/quality does:
 * - with impressions (event_type impression, list_id and position): each list the site showed, in its
 *   order, with the item clicked from it next as the target;
 * - else with a category column: the bench's next-item lists (`buildNextItem`: the items of the
 *   session's categories seen before, in a seeded random order);
 * - else: at each new item of a session, that item among up to 99 items seen before it in the log,
 *   drawn and ordered at random (the sampled-candidates protocol).
 * Each list's items carry the popularity the site knew at the time (`withPastPopularity`).
 */
export function buildReplays(rows: readonly ModelRow[]): VisitorReplay[] {
  const hasImpressions = rows.some((r) => r.type === 'impression' && r.listId !== null && r.position !== null);
  const visitors = hasImpressions
    ? impressionLists(rows)
    : rows.some((r) => r.category)
      ? categoryLists(rows)
      : sampledLists(rows);
  return withPastPopularity(visitors.map((v) => ({ visitorId: v.visitorId, steps: v.steps.map(trim) })));
}

function trim(s: ReplayStep): ReplayStep {
  if (s.kind !== 'rank' || s.task.items.length <= MAX_LIST) return s;
  const others = s.task.items.filter((i) => i.id !== s.task.target).slice(0, MAX_LIST - 1);
  const target = s.task.items.find((i) => i.id === s.task.target)!;
  const at = s.task.items.indexOf(target) % MAX_LIST;
  const items = [...others.slice(0, at), target, ...others.slice(at)];
  return step.rank({ ...s.task, items });
}

const event = (r: ModelRow): ReplayStep =>
  step.event({
    type: r.type,
    itemId: r.itemId,
    time: r.time,
    itemListId: r.listId ?? SLOT,
    ...(r.position !== null && { index: r.position }),
    ...(r.category && { item: compactItem({ id: r.itemId, category: r.category } as Item) }),
  });

function categoryLists(rows: readonly ModelRow[]): VisitorReplay[] {
  const logRows: LogRow[] = rows.map((r) => ({
    visitorId: r.visitorId,
    sessionId: r.sessionId,
    type: r.type,
    time: r.time,
    item: compactItem({ id: r.itemId, category: r.category ?? '' } as Item) as LogRow['item'],
  }));
  return buildNextItem(logRows, { slot: SLOT, pageType: 'site', categoryWindowMs: Infinity }).visitors;
}

function sampledLists(rows: readonly ModelRow[]): VisitorReplay[] {
  const seen: string[] = [];
  const known = new Set<string>();
  const previous = new Map<string, string>();
  const steps = new Map<string, ReplayStep[]>();
  let lists = 0;
  for (const r of rows) {
    const visitor = steps.get(r.visitorId) ?? [];
    steps.set(r.visitorId, visitor);
    const before = previous.get(r.sessionId);
    if (before !== undefined && before !== r.itemId && known.has(r.itemId) && seen.length >= 10) {
      lists++;
      const others = new Set<string>();
      const draw = seededShuffle([0, 1, 2, 3, 4, 5, 6, 7], lists)[0]! + lists;
      for (let i = 0; others.size < Math.min(MAX_LIST - 1, seen.length - 1) && i < 4 * MAX_LIST; i++) {
        const id = seen[(draw * 7919 + i * 104729) % seen.length]!;
        if (id !== r.itemId) others.add(id);
      }
      const items = seededShuffle([r.itemId, ...others], lists).map((id) => ({ id }) as Item);
      visitor.push(
        step.rank({
          context: { slot: SLOT, visitorId: r.visitorId, time: r.time, pageType: 'site' },
          items,
          target: r.itemId,
          split: 'early',
        }),
      );
    }
    visitor.push(event(r));
    previous.set(r.sessionId, r.itemId);
    if (!known.has(r.itemId)) {
      known.add(r.itemId);
      seen.push(r.itemId);
    }
  }
  return [...steps].map(([visitorId, s]) => ({ visitorId, steps: s }));
}

function impressionLists(rows: readonly ModelRow[]): VisitorReplay[] {
  // A list: the impressions of one session, list and timestamp, in position order.
  const lists = new Map<string, ModelRow[]>();
  for (const r of rows) {
    if (r.type !== 'impression' || r.listId === null || r.position === null) continue;
    const key = `${r.sessionId}\u0000${r.listId}\u0000${r.time}`;
    const list = lists.get(key) ?? [];
    lists.set(key, list);
    list.push(r);
  }
  const clicks = new Map<string, ModelRow[]>();
  for (const r of rows)
    if (r.type === 'click') (clicks.get(r.sessionId) ?? clicks.set(r.sessionId, []).get(r.sessionId)!).push(r);
  const ranks = new Map<ModelRow, ReplayStep>();
  for (const list of lists.values()) {
    const first = list[0]!;
    const ids = new Set(list.map((r) => r.itemId));
    const target = (clicks.get(first.sessionId) ?? []).find(
      (c) => c.time >= first.time && c.time - first.time <= CLICK_WINDOW_MS && ids.has(c.itemId),
    );
    if (!target) continue;
    const items = [...list]
      .sort((a, b) => a.position! - b.position!)
      .map((r) => ({ id: r.itemId, ...(r.category && { category: r.category }) }) as Item);
    const unique = items.filter((item, i) => items.findIndex((x) => x.id === item.id) === i);
    ranks.set(
      first,
      step.rank({
        context: { slot: first.listId!, visitorId: first.visitorId, time: first.time, pageType: 'site' },
        items: unique,
        target: target.itemId,
        split: 'early',
      }),
    );
  }
  const steps = new Map<string, ReplayStep[]>();
  for (const r of rows) {
    const visitor = steps.get(r.visitorId) ?? [];
    steps.set(r.visitorId, visitor);
    const rank = ranks.get(r);
    if (rank) visitor.push(rank);
    visitor.push(event(r));
  }
  return [...steps].map(([visitorId, s]) => ({ visitorId, steps: s }));
}
