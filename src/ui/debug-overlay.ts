import { ITEM_ATTRIBUTE, OVERLAY_ATTRIBUTE, SLOT_ATTRIBUTE } from '../../common/markup.js';
import type { Inkling } from '../inkling.js';
import type { RankedItem, Ranking } from '../../common/types.js';
import { h, shadowWithStyles } from './dom.js';

const STYLES = `
:host{all:initial}
.layer{position:absolute;top:0;left:0;width:0;height:0;pointer-events:none;z-index:2147483646}
.badge{position:absolute;max-width:220px;font:11px/1.35 ui-monospace,monospace;background:rgba(17,24,39,.88);color:#f9fafb;border-radius:6px;padding:4px 6px;box-shadow:0 1px 4px rgba(0,0,0,.3)}
.badge b{color:#fbbf24}.rule{color:#fca5a5}.removed{background:rgba(127,29,29,.9)}
`;

/**
 * The site owner's view (`?inkling-debug`): over each ranked item, its final score, the parts that
 * made it (strategies, signals) and the rules that moved it. An absolutely positioned layer in its
 * own shadow root, so it never shifts or restyles the page. Loaded as its own module.
 */
export function mountDebugOverlay(inkling: Inkling, doc: Document, rankings: Map<string, Ranking> = new Map()): () => void {
  const host = h('div', { attrs: { [OVERLAY_ATTRIBUTE]: '' } });
  const layer = h('div', { class: 'layer' });
  shadowWithStyles(host, STYLES).append(layer);
  doc.body.append(host);

  const draw = () => {
    const badges: HTMLElement[] = [];
    for (const [slotName, ranking] of rankings) {
      const slot = doc.querySelector(`[${SLOT_ATTRIBUTE}="${CSS.escape(slotName)}"]`);
      if (!slot) continue;
      const entries: [RankedItem, number | 'removed'][] = [...ranking.items.map((entry, index): [RankedItem, number] => [entry, index]), ...ranking.removed.map((entry): [RankedItem, 'removed'] => [entry, 'removed'])];
      for (const [entry, place] of entries) {
        const element = slot.querySelector(`:scope > [${ITEM_ATTRIBUTE}="${CSS.escape(String(entry.item.id))}"]`);
        const rect = element?.getBoundingClientRect();
        if (!rect || rect.width === 0) continue;
        badges.push(badge(slotName, entry, place, rect.left + scrollX + 4, rect.top + scrollY + 4));
      }
    }
    layer.replaceChildren(...badges);
  };
  const stop = inkling.on('ranked', ({ slot, ranking }) => {
    rankings.set(slot, ranking);
    draw();
  });
  addEventListener('resize', draw);
  draw();
  return () => {
    stop();
    removeEventListener('resize', draw);
    host.remove();
  };
}

/** `data-slot` and `data-item` name the badge: one item can sit in several slots (a rail and a grid). */
function badge(slotName: string, entry: RankedItem, place: number | 'removed', left: number, top: number): HTMLElement {
  const lines = entry.reasons.map((reason) => {
    const value = reason.value === undefined ? '' : ` ${reason.value.toFixed(3)}`;
    return h('div', { class: reason.kind === 'rule' ? 'rule' : '', text: `${reason.kind === 'rule' ? 'rule ' : ''}${reason.source}${value}: ${reason.text}` });
  });
  const head = h('div', {}, h('b', { text: place === 'removed' ? 'removed' : `#${place + 1}` }), ` score ${entry.score.toFixed(3)} (was #${entry.originalIndex + 1})`);
  const element = h('div', { class: place === 'removed' ? 'badge removed' : 'badge', attrs: { 'data-slot': slotName, 'data-item': entry.item.id } }, head, ...lines);
  element.style.left = `${left}px`;
  element.style.top = `${top}px`;
  return element;
}

