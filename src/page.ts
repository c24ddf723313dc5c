import type { Inkling } from './inkling.js';
import type { Reporter } from './report.js';
import { applyOrder } from './slots/apply-order.js';
import { findSlots, ITEM_ATTRIBUTE, itemElements, readItem, SLOT_ATTRIBUTE } from './slots/read-items.js';
import { listenForClicks } from './tracker/clicks.js';
import { watchDom } from './tracker/dom-watch.js';
import { createImpressionTracker } from './tracker/impressions.js';
import { createMarkerTracker, PURCHASE_ATTRIBUTE, VIEW_ATTRIBUTE } from './tracker/markers.js';
import { onRouteChange } from './tracker/route-changes.js';
import type { ItemSnapshot } from './types.js';

/** Options for the markup-driven integration (what the script tag runs). */
export interface PageOptions {
  /** How long a slot may stay hidden waiting for its order; after that it keeps the original order. Default 150 ms. */
  readonly rankBudgetMs?: number;
  readonly document?: Document;
}

const RETURNING_KEY = 'inkling:returning';
/** Set on each slot once Inkling is done with it: `personalized` or `original`. A hook for CSS and tests. */
export const STATE_ATTRIBUTE = 'data-inkling-state';

/**
 * Wires a page's `data-inkling-*` markup: ranks every slot, tracks impressions, clicks, actions,
 * detail-page views and purchases. Returns a function that stops everything.
 */
export function personalizePage(inkling: Inkling, reporter: Reporter, options: PageOptions = {}): () => void {
  const doc = options.document ?? document;
  const budget = options.rankBudgetMs ?? 150;
  const returning = readReturning();

  const track = (type: 'impression' | 'click' | 'add_to_cart' | 'purchase' | 'dismiss' | 'view', element: Element | undefined, itemId: string, extra: { itemListId?: string; index?: number; dwellMs?: number; orderId?: string } = {}) => {
    inkling.track({ type, itemId, ...extra, ...(element ? { item: snapshot(element) } : {}) });
    if (inkling.mode === 'full') markReturning();
  };

  const impressions = createImpressionTracker({
    document: doc,
    onViewable(element) {
      const slot = element.parentElement?.closest(`[${SLOT_ATTRIBUTE}]`);
      const visible = slot ? itemElements(slot).filter((child) => !child.hidden) : [];
      track('impression', element, readItem(element).id, {
        itemListId: slot?.getAttribute(SLOT_ATTRIBUTE) ?? undefined,
        index: Math.max(0, visible.indexOf(element as HTMLElement)),
      });
    },
  });

  // Slots seen, and slots whose order is settled (their items are observed as they come).
  const seenSlots = new WeakSet<Element>();
  const settledSlots = new WeakSet<Element>();
  for (const slot of findSlots(doc)) void personalizeSlot(slot);

  async function personalizeSlot(slot: HTMLElement) {
    if (seenSlots.has(slot)) return;
    seenSlots.add(slot);
    const name = slot.getAttribute(SLOT_ATTRIBUTE) ?? '';
    const elements = itemElements(slot);
    // A returning visitor would see the slot jump; hide it until its order is known, within the budget.
    const conceal = returning && inkling.mode !== 'off';
    const previousVisibility = slot.style.visibility;
    if (conceal) slot.style.visibility = 'hidden';
    try {
      const items = elements.map(readItem);
      const recipe = slot.getAttribute('data-inkling-recipe') ?? undefined;
      const ranking = await withinBudget(inkling.rank(items, { slot: name, ...(recipe ? { recipe } : {}) }), conceal ? budget : Infinity);
      const apply = ranking !== undefined && !ranking.fallback && !isVisibleNow(slot, conceal);
      if (apply) applyOrder(slot, ranking.items.map((entry) => entry.item.id), ranking.removed.map((entry) => entry.item.id));
      slot.setAttribute(STATE_ATTRIBUTE, apply ? 'personalized' : 'original');
    } catch (error) {
      slot.setAttribute(STATE_ATTRIBUTE, 'original');
      reporter.error(error, `slot ${name}`);
    } finally {
      if (conceal) slot.style.visibility = previousVisibility;
      settledSlots.add(slot);
      for (const element of itemElements(slot)) if (!element.hidden) impressions.observe(element);
    }
  }

  const stopClicks = listenForClicks(doc, (activation) => {
    const slot = activation.slot;
    const extra = slot ? { itemListId: slot.getAttribute(SLOT_ATTRIBUTE) ?? undefined, index: itemElements(slot).indexOf(activation.element as HTMLElement) } : {};
    track(activation.type as 'click', activation.element, activation.itemId, activation.orderId ? { ...extra, orderId: activation.orderId } : extra);
    if (activation.type === 'click' || activation.type === 'purchase') void inkling.flush();
  });

  const markers = createMarkerTracker(doc, track);
  markers.scan();
  // A single-page app adds slots, items and markers later; Inkling's own moves are of known nodes and ignored.
  const stopWatching = watchDom(doc, (added) => {
    for (const element of added) {
      for (const slot of element.matches(`[${SLOT_ATTRIBUTE}]`) ? [element as HTMLElement] : findSlots(element)) void personalizeSlot(slot);
      const slot = element.parentElement;
      if (slot && settledSlots.has(slot) && element.matches(`[${ITEM_ATTRIBUTE}]:not([hidden])`)) impressions.observe(element);
    }
    markers.scan();
  }, [VIEW_ATTRIBUTE, PURCHASE_ATTRIBUTE]);
  const stopRoutes = onRouteChange(() => {
    markers.endView();
    impressions.reset();
    markers.scan();
  });

  const onHide = () => {
    markers.endView();
    void inkling.flush();
  };
  const onVisibility = () => doc.visibilityState === 'hidden' && onHide();
  doc.addEventListener('visibilitychange', onVisibility);
  globalThis.addEventListener?.('pagehide', onHide);

  return () => {
    impressions.disconnect();
    stopClicks();
    stopWatching();
    stopRoutes();
    doc.removeEventListener('visibilitychange', onVisibility);
    globalThis.removeEventListener?.('pagehide', onHide);
  };
}

function snapshot(element: Element): ItemSnapshot {
  const { category, tags, brand, price } = readItem(element);
  return { ...(category ? { category } : {}), ...(tags ? { tags } : {}), ...(brand ? { brand } : {}), ...(price !== undefined ? { price } : {}) };
}

/** Resolves to undefined when the budget runs out, so the slot keeps its original order. */
function withinBudget<T>(promise: Promise<T>, budgetMs: number): Promise<T | undefined> {
  if (!Number.isFinite(budgetMs)) return promise;
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(resolve, budgetMs))]);
}

/** A slot that was never hidden and is on screen must not move under the visitor's eyes. */
function isVisibleNow(slot: HTMLElement, concealed: boolean): boolean {
  if (concealed) return false;
  const rect = slot.getBoundingClientRect();
  const viewport = slot.ownerDocument.defaultView;
  return rect.bottom > 0 && rect.top < (viewport?.innerHeight ?? 0) && rect.height > 0;
}

function readReturning(): boolean {
  try {
    return globalThis.localStorage?.getItem(RETURNING_KEY) === '1';
  } catch {
    return false;
  }
}

function markReturning(): void {
  try {
    globalThis.localStorage?.setItem(RETURNING_KEY, '1');
  } catch {
    // Without storage every visit looks new: slots keep their order until ranked off-screen.
  }
}
