import {
  ITEM_ATTRIBUTE,
  OVERLAY_ATTRIBUTE,
  REASON_ATTRIBUTE,
  REMOVED_ATTRIBUTE,
  SLOT_ATTRIBUTE,
  STATE_ATTRIBUTE,
} from '../../common/markup.js';
import type { Inkling } from '../inkling.js';
import type { RankedItem, Ranking, Reason } from '../../common/types.js';
import { h, shadowWithStyles } from './dom.js';

// Under a site's sticky header (which sits above z-index 1), never over it; one line per fact, cut to the tile.
const STYLES = `
:host{all:initial}
.layer{position:absolute;top:0;left:0;width:0;height:0;pointer-events:none;z-index:1}
.badge{position:absolute;box-sizing:border-box;font:10px/1.3 ui-monospace,monospace;background:rgba(17,24,39,.85);color:#f9fafb;border-radius:4px;padding:2px 4px}
.badge div{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.badge b{color:#fbbf24}.rule{color:#fca5a5}.removed{background:rgba(127,29,29,.9)}.slot{background:rgba(30,64,175,.9)}
`;

/**
 * The site owner's view (`?inkling-debug`): over each item the page shows, its place on the page and,
 * where the engine's order was applied, its score, the parts that made it and the rules that moved it.
 * A slot that kept its order says why (`data-inkling-reason`: budget missed, painted before the tag ran,
 * holdout, worker failed), and its items show no ranking that was never applied. An absolutely
 * positioned layer in its own shadow root, so it never shifts or restyles the page. Loaded as its own module.
 */
export function mountDebugOverlay(
  inkling: Inkling,
  doc: Document,
  rankings: Map<string, Ranking> = new Map(),
): () => void {
  const host = h('div', { attrs: { [OVERLAY_ATTRIBUTE]: '' } });
  const layer = h('div', { class: 'layer' });
  shadowWithStyles(host, STYLES).append(layer);
  doc.body.append(host);

  const draw = () => {
    const badges: HTMLElement[] = [];
    for (const slot of doc.querySelectorAll<HTMLElement>(`[${SLOT_ATTRIBUTE}]`)) {
      const slotName = slot.getAttribute(SLOT_ATTRIBUTE) ?? '';
      const state = slot.getAttribute(STATE_ATTRIBUTE);
      const reason = slot.getAttribute(REASON_ATTRIBUTE);
      // The engine's ranking describes the page only where it was applied.
      const ranking = state === 'personalized' || state === 'holdout' ? rankings.get(slotName) : undefined;
      const entries = new Map(
        ranking ? [...ranking.items, ...ranking.removed].map((entry) => [entry.item.id, entry]) : [],
      );
      const box = slot.getBoundingClientRect();
      if (reason || !ranking) {
        const text = state ? `${state}${reason ? `: ${reason}` : ''}` : 'not ranked yet';
        badges.push(
          place(
            h('div', { class: 'badge slot', attrs: { 'data-slot': slotName } }, h('div', { text })),
            box.left,
            box.top - 16,
            box.width,
          ),
        );
      }
      let shown = 0;
      for (const element of slot.children) {
        const id = element.getAttribute(ITEM_ATTRIBUTE);
        if (id === null) continue;
        const removed = (element as HTMLElement).hidden || element.hasAttribute(REMOVED_ATTRIBUTE);
        if (!removed) shown += 1;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0) continue;
        badges.push(
          place(
            badge(slotName, id, removed ? 'removed' : shown, entries.get(id)),
            rect.left + 4,
            rect.top + 4,
            rect.width - 8,
          ),
        );
      }
    }
    layer.replaceChildren(...badges);
  };
  const stop = inkling.on('ranked', ({ slot, ranking }) => {
    rankings.set(slot, ranking);
    draw();
  });
  // A slot settles (its state and reason set) after its ranking arrives, or without one.
  const watcher = new MutationObserver(draw);
  watcher.observe(doc.body, { subtree: true, attributeFilter: [STATE_ATTRIBUTE] });
  addEventListener('resize', draw);
  draw();
  return () => {
    stop();
    watcher.disconnect();
    removeEventListener('resize', draw);
    host.remove();
  };
}

/** `data-slot` and `data-item` name the badge: one item can sit in several slots (a rail and a grid). */
function badge(slotName: string, id: string, shown: number | 'removed', entry: RankedItem | undefined): HTMLElement {
  const placeText = shown === 'removed' ? 'removed' : `#${shown}`;
  const head = entry
    ? h('div', {}, h('b', { text: placeText }), ` score ${entry.score.toFixed(3)} (was #${entry.originalIndex + 1})`)
    : h('div', {}, h('b', { text: placeText }), shown === 'removed' ? ' bought or dismissed' : ' page order');
  const lines = (entry?.reasons ?? []).map((reason) =>
    h('div', { class: reason.kind === 'rule' ? 'rule' : '', text: reasonText(reason) }),
  );
  return h(
    'div',
    { class: shown === 'removed' ? 'badge removed' : 'badge', attrs: { 'data-slot': slotName, 'data-item': id } },
    head,
    ...lines,
  );
}

/** One reason on one line; a time (how long ago an item was bought) in whole units, never `4098.000`. */
export function reasonText(reason: Reason): string {
  const value = reason.value;
  const shown =
    value === undefined
      ? ''
      : reason.source === 'exclude'
        ? ` ${duration(value)}`
        : Number.isInteger(value)
          ? ` ${value}`
          : ` ${value.toFixed(3)}`;
  return `${reason.kind === 'rule' ? 'rule ' : ''}${reason.source}${shown}: ${reason.text}`;
}

/** Whole milliseconds below ten seconds, whole seconds, minutes, hours or days above. */
function duration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [10_000, 's'],
  ];
  for (const [size, name] of units) if (ms >= size) return `${Math.round(ms / (name === 's' ? 1000 : size))} ${name}`;
  return `${Math.round(ms)} ms`;
}

/** Puts a badge at page coordinates, no wider than the box it describes. */
function place(element: HTMLElement, left: number, top: number, width: number): HTMLElement {
  element.style.left = `${left + scrollX}px`;
  element.style.top = `${Math.max(0, top + scrollY)}px`;
  element.style.maxWidth = `${Math.max(60, width)}px`;
  return element;
}
