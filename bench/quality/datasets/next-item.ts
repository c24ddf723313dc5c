import type { EventType, Item } from '../../../common/types.js';
import type { QualityDataset, ReplayStep, VisitorReplay } from '../types.js';
import { assignSplits, listTimes, medianListTime, withPastPopularity } from './replay.js';
import { compactItem, seededShuffle, step } from './replay.js';

/** One interaction from a shopping log, already mapped to Inkling's event types. */
export interface LogRow {
  readonly visitorId: string;
  /** A grouping key for "the categories in play" (the session for rees46, the visitor for taobao). */
  readonly sessionId: string;
  readonly type: EventType;
  readonly time: number;
  readonly item: Item & { readonly category: string };
}

/** How the candidate set of a next-item list is drawn. */
export interface CandidateRule {
  /** The slot name written into each list's context. */
  readonly slot: string;
  readonly pageType: string;
  /** Categories older than this (ms before the list) in the session no longer bring candidates. */
  readonly categoryWindowMs: number;
}

/** The replays plus what was left out, for the protocol sentence. */
export interface NextItemBuild {
  readonly visitors: VisitorReplay[];
  readonly lists: number;
  readonly missing: number;
}

/**
 * A next-item dataset (rees46, taobao): rows sorted by time (stable, so a log already in order keeps
 * it), lists built by `buildNextItem`, past popularity annotated, split at the median list time.
 * `protocol` words the candidate rule; the count of lists that could not be scored is appended.
 */
export function nextItemDataset(name: string, rows: LogRow[], rule: CandidateRule, protocol: string): QualityDataset {
  rows.sort((a, b) => a.time - b.time);
  const built = buildNextItem(rows, rule);
  const annotated = withPastPopularity(built.visitors);
  const splitTime = medianListTime(listTimes(annotated));
  return {
    name,
    protocol: `${protocol}; ${built.missing} of ${built.lists + built.missing} next items were not candidates and are not scored`,
    splitTime,
    visitors: assignSplits(annotated, splitTime),
    cutoffs: [10],
  };
}

/**
 * Next-item replay shared by rees46 and taobao. Rows must be in time order. At each row whose item
 * differs from the session's previous row, the candidates are every item of the session's recent
 * categories that anyone in the log touched strictly before that moment, in a seeded random order
 * (these logs have no display order), less the session's previous item (the page the visitor is on
 * does not recommend itself; a consecutive repeat is never a list). The row's item is the target; when it is not a candidate the list
 * is not scored (no ranker could place it) and is counted in `missing`.
 */
export function buildNextItem(rows: readonly LogRow[], rule: CandidateRule): NextItemBuild {
  const byCategory = new Map<string, Map<string, Item>>();
  const sessions = new Map<string, { previous: string; categories: Map<string, number> }>();
  const purchased = new Map<string, string[]>();
  const steps = new Map<string, ReplayStep[]>();
  let pending: LogRow[] = [];
  let pendingTime = -Infinity;
  let lists = 0;
  let missing = 0;
  for (const row of rows) {
    if (row.time !== pendingTime) {
      // Items become candidates only once their second has passed: same-second rows may be the answer.
      for (const p of pending) categoryItems(byCategory, p.item.category).set(p.item.id, p.item);
      pending = [];
      pendingTime = row.time;
    }
    let visitorSteps = steps.get(row.visitorId);
    if (!visitorSteps) steps.set(row.visitorId, (visitorSteps = []));
    const session = sessions.get(row.sessionId);
    if (session && session.previous !== row.item.id) {
      const pool = new Map<string, Item>();
      for (const [category, last] of session.categories) {
        if (row.time - last > rule.categoryWindowMs) continue;
        for (const [id, item] of byCategory.get(category) ?? []) pool.set(id, item);
      }
      // A rail on the page of the item just engaged with does not list that item.
      pool.delete(session.previous);
      if (pool.has(row.item.id)) {
        lists++;
        const items = seededShuffle([...pool.values()], lists);
        const bought = purchased.get(row.visitorId);
        visitorSteps.push(
          step.rank({
            context: {
              slot: rule.slot,
              visitorId: row.visitorId,
              time: row.time,
              pageType: rule.pageType,
              order: 'none',
            },
            items,
            target: row.item.id,
            split: 'early',
            ...(bought && { purchasedBefore: [...bought] }),
          }),
        );
      } else {
        missing++;
      }
    }
    const { category, tags, brand, price } = row.item;
    const itemSnapshot = compactItem({ category, tags, brand, price } as Item);
    visitorSteps.push(
      step.event({ type: row.type, itemId: row.item.id, time: row.time, itemListId: rule.slot, item: itemSnapshot }),
    );
    const s = session ?? { previous: '', categories: new Map<string, number>() };
    s.previous = row.item.id;
    s.categories.set(category, row.time);
    sessions.set(row.sessionId, s);
    if (row.type === 'purchase') {
      const list = purchased.get(row.visitorId) ?? [];
      if (!list.includes(row.item.id)) list.push(row.item.id);
      purchased.set(row.visitorId, list);
    }
    pending.push(row);
  }
  const visitors = [...steps].map(([visitorId, s]) => ({ visitorId, steps: s }));
  return { visitors, lists, missing };
}

function categoryItems(byCategory: Map<string, Map<string, Item>>, category: string): Map<string, Item> {
  let items = byCategory.get(category);
  if (!items) byCategory.set(category, (items = new Map()));
  return items;
}
