import type { InklingEvent, Item } from '../../common/types.js';
import { indexNeighbours, neighbourScores } from '../../worker/site/neighbour-index.js';
import type { NeighbourTable } from '../../worker/site/neighbour-table.js';
import { SESSION_GAP_MS } from './site/neighbour-build.js';
import type { Ranker, RankTaskContext } from './types.js';

/** Keeps the site's (or the protocol's) original order. */
export function originalOrder(): Ranker {
  return { name: 'original order', observe: () => {}, rank: (items) => items.map((i) => i.id) };
}

/**
 * Most popular first, using the `popularity` the harness attached from the past of the whole log;
 * ties keep the original order.
 */
export function popularityOrder(): Ranker {
  return {
    name: 'popularity',
    observe: () => {},
    rank: (items) => stableSortBy(items, (item) => -(item.popularity ?? 0)),
  };
}

/** Engagements that count as "interacted": anything but a passive impression or a dismissal. */
const ENGAGED = new Set<InklingEvent['type']>(['view', 'click', 'add_to_cart', 'purchase']);

/** Items this visitor engaged with, most recent first; the others keep the original order after them. */
export function recentlyInteractedFirst(): Ranker {
  let last = new Map<string, number>();
  let counter = 0;
  return {
    name: 'recently interacted first',
    observe(event) {
      // A counter rather than the time stamp, so that events in the same second keep their order.
      if (ENGAGED.has(event.type)) last.set(event.itemId, ++counter);
    },
    rank: (items) => stableSortBy(items, (item) => -(last.get(item.id) ?? 0)),
    reset() {
      last = new Map();
      counter = 0;
    },
  };
}

/** The default recipe's purchase rule (`exclude: purchased within 30d`). */
const BOUGHT_HIDDEN_MS = 30 * 24 * 3600 * 1000;

/**
 * Diagnostic, not a baseline of the issue: recent-first that, like the default recipe, leaves out what
 * the visitor bought in the last 30 days, so a gap to recent-first can be split into the order and the rule.
 */
export function recentlyInteractedFirstWithoutBought(): Ranker {
  const recent = recentlyInteractedFirst();
  let bought = new Map<string, number>();
  return {
    name: 'recently interacted first, bought items left out (diagnostic)',
    observe(event) {
      if (event.type === 'purchase') bought.set(event.itemId, event.time);
      return recent.observe(event);
    },
    async rank(items, context) {
      const order = await recent.rank(items, context);
      const now = context.time ?? Infinity;
      return order.filter((id) => !(now - (bought.get(id) ?? -Infinity) <= BOUGHT_HIDDEN_MS));
    },
    reset() {
      bought = new Map();
      return recent.reset?.();
    },
  };
}

/**
 * This session's items, newest first (a session ends after 30 minutes without an engagement); the
 * other items keep the original order after them.
 */
export function sessionRecency(): Ranker {
  const session = sessionItems();
  return {
    name: 'this session, newest first',
    observe: session.observe,
    rank(items, context) {
      const live = session.live(context.time);
      return stableSortBy(items, (item) => -(live.indexOf(item.id) + 1));
    },
    reset: session.reset,
  };
}

/**
 * The server-side peer: item-to-item co-occurrence from the site's earlier sessions (the same table the
 * engine reads), scored from this session's latest items as the engine's `neighbours` strategy does;
 * ties (items with no co-occurrence) by popularity when the slot's order means nothing, else the site's order.
 */
export function coOccurrence(table: NeighbourTable): Ranker {
  const index = indexNeighbours(table);
  const session = sessionItems();
  return {
    name: 'co-occurrence (site table)',
    observe: session.observe,
    rank(items, context: RankTaskContext) {
      const scores = neighbourScores(index, session.live(context.time)).ofRecent;
      const none = context.order === 'none';
      return items
        .map((item, i) => ({
          id: item.id,
          score: scores.get(item.id) ?? 0,
          tie: none ? -(item.popularity ?? 0) : i,
          i,
        }))
        .sort((a, b) => b.score - a.score || a.tie - b.tie || a.i - b.i)
        .map((x) => x.id);
    },
    reset: session.reset,
  };
}

/**
 * The items engaged with in the current session (a gap over SESSION_GAP_MS starts a new one), oldest
 * first and each once, as the two session baselines above read them.
 */
function sessionItems(): {
  observe(event: InklingEvent): void;
  live(time: number | undefined): readonly string[];
  reset(): void;
} {
  let items: string[] = [];
  let last = -Infinity;
  return {
    observe(event) {
      if (!ENGAGED.has(event.type)) return;
      if (event.time - last > SESSION_GAP_MS) items = [];
      last = event.time;
      const at = items.indexOf(event.itemId);
      if (at >= 0) items.splice(at, 1);
      items.push(event.itemId);
    },
    /** The session's items when `time` is still within it, else none. */
    live: (time) => ((time ?? last) - last <= SESSION_GAP_MS ? items : []),
    reset() {
      items = [];
      last = -Infinity;
    },
  };
}

/** Sorts ids by ascending key; equal keys keep the input order. */
export function stableSortBy(items: readonly Item[], key: (item: Item) => number): string[] {
  return items
    .map((item, index) => ({ id: item.id, key: key(item), index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((x) => x.id);
}
