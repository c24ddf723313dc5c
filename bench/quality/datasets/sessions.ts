import type { EventType, Item } from '../../../common/types.js';
import { mulberry32 } from '../../random.js';
import type { QualityDataset, ReplayStep, VisitorReplay } from '../types.js';
import { assignSplits, listTimes, medianListTime, seededShuffle, step, withPastPopularity } from './replay.js';

/** One event of an id-only session log (otto, diginetica). */
export interface SessionRow {
  readonly sessionId: string;
  readonly itemId: string;
  readonly type: EventType;
  readonly time: number;
}

/** How the lists of an id-only session log are drawn. */
export interface SessionRule {
  readonly slot: string;
  /** Candidates per list: the session's earlier items, the target, then items drawn from the log's past. */
  readonly candidates: number;
}

/**
 * Session next-item lists for logs that carry item ids only. Rows are sorted by time (stable). Each
 * session is one visitor. At every row whose item differs from the session's previous one, the list is:
 * the session's earlier items except the one just engaged with (a rail on its page does not list it),
 * the row's item (the target), and items drawn uniformly (seeded) from every
 * item anyone engaged with strictly before that second, up to `rule.candidates`, in a seeded random
 * order (the slot says `order: 'none'`). A target nobody engaged with before is not scored (no
 * site-side count could know it) and is counted in the protocol sentence.
 */
export function sessionNextItem(name: string, rows: SessionRow[], rule: SessionRule, protocol: string): QualityDataset {
  rows.sort((a, b) => a.time - b.time);
  const seen: string[] = [];
  const seenSet = new Set<string>();
  const sessions = new Map<string, { previous: string; items: string[] }>();
  const steps = new Map<string, ReplayStep[]>();
  let pending: string[] = [];
  let pendingTime = -Infinity;
  let lists = 0;
  let missing = 0;
  for (const row of rows) {
    if (row.time !== pendingTime) {
      for (const id of pending) {
        if (seenSet.has(id)) continue;
        seenSet.add(id);
        seen.push(id);
      }
      pending = [];
      pendingTime = row.time;
    }
    let visitorSteps = steps.get(row.sessionId);
    if (!visitorSteps) steps.set(row.sessionId, (visitorSteps = []));
    const session = sessions.get(row.sessionId) ?? { previous: '', items: [] };
    if (session.previous !== '' && session.previous !== row.itemId) {
      if (seenSet.has(row.itemId) || session.items.includes(row.itemId)) {
        lists++;
        const ids = drawCandidates(row.itemId, session.items, seen, rule.candidates, lists, session.previous);
        const items: Item[] = seededShuffle(ids, lists).map((id) => ({ id }));
        visitorSteps.push(
          step.rank({
            context: { slot: rule.slot, visitorId: row.sessionId, time: row.time, pageType: 'product', order: 'none' },
            items,
            target: row.itemId,
            split: 'early',
          }),
        );
      } else {
        missing++;
      }
    }
    visitorSteps.push(step.event({ type: row.type, itemId: row.itemId, time: row.time, itemListId: rule.slot }));
    session.previous = row.itemId;
    if (!session.items.includes(row.itemId)) session.items.push(row.itemId);
    sessions.set(row.sessionId, session);
    pending.push(row.itemId);
  }
  const visitors: VisitorReplay[] = [...steps].map(([visitorId, s]) => ({ visitorId, steps: s }));
  const annotated = withPastPopularity(visitors);
  const splitTime = medianListTime(listTimes(annotated));
  return {
    name,
    protocol: `${protocol}; ${missing} of ${lists + missing} next items were never engaged with before and are not scored`,
    splitTime,
    visitors: assignSplits(annotated, splitTime),
    cutoffs: [10],
  };
}

/** The target, the session's earlier items, then seeded uniform draws from `seen` until `size` ids. */
export function drawCandidates(
  target: string,
  sessionItems: readonly string[],
  seen: readonly string[],
  size: number,
  seed: number,
  current?: string,
): string[] {
  const ids = new Set<string>([target, ...sessionItems.filter((id) => id !== current)]);
  const next = mulberry32((seed * 2654435761) >>> 0);
  const wanted = Math.min(size, ids.size + seen.length);
  // Rejection sampling: at most a few times `size` draws, since candidates are few against `seen`.
  for (let tries = 0; ids.size < wanted && tries < size * 20; tries++) {
    const id = seen[Math.floor(next() * seen.length)]!;
    if (id !== current) ids.add(id);
  }
  return [...ids];
}
