import type { Inkling } from './inkling.js';
import type { Reporter } from './report.js';
import { isReturning } from './returning.js';
import { applyOrder, REMOVED_ATTRIBUTE } from './slots/apply-order.js';
import { isOnScreen, STATE_ATTRIBUTE, type Concealer } from './slots/conceal.js';
import { findSlots, ITEM_ATTRIBUTE, itemElements, readItem, SLOT_ATTRIBUTE } from './slots/read-items.js';
import { listenForClicks } from './tracker/clicks.js';
import { watchDom } from './tracker/dom-watch.js';
import { createImpressionTracker } from './tracker/impressions.js';
import { createMarkerTracker, PURCHASE_ATTRIBUTE, VIEW_ATTRIBUTE } from './tracker/markers.js';
import { onRouteChange } from './tracker/route-changes.js';
import type { ItemSnapshot } from './types.js';

export { STATE_ATTRIBUTE };

/** Options for the markup-driven integration (what the script tag runs). */
export interface PageOptions {
  /** How long a slot may stay hidden waiting for its order; after that it keeps the original order. Default 150 ms. */
  readonly rankBudgetMs?: number;
  /** Hides slots from before their first paint (the tag starts it as early as it can). */
  readonly concealer?: Concealer;
  /** Word every item's reasons (the debug overlay shows them); off by default, since `explain()` words them on demand. */
  readonly explain?: boolean;
  /** Called once every slot is settled (the tag loads its UI then, off the critical path). */
  readonly onSettled?: () => void;
  readonly document?: Document;
}

type PageEventType = 'impression' | 'click' | 'add_to_cart' | 'purchase' | 'dismiss' | 'view';

/**
 * Wires a page's `data-inkling-*` markup: ranks every slot, tracks impressions, clicks, actions,
 * detail-page views and purchases. Returns a function that stops everything. Every handler contains
 * its own errors: the page keeps working and keeps its original order.
 */
export function personalizePage(inkling: Inkling, reporter: Reporter, options: PageOptions = {}): () => void {
  const doc = options.document ?? document;
  const budget = options.rankBudgetMs ?? 150;
  const returning = isReturning();
  const guarded = <A extends unknown[]>(where: string, task: (...args: A) => void) => (...args: A) => {
    try {
      task(...args);
    } catch (error) {
      reporter.error(error, where);
    }
  };

  const track = (type: PageEventType, element: Element | undefined, itemId: string, extra: { itemListId?: string; index?: number; dwellMs?: number; orderId?: string } = {}) => {
    inkling.track({ type, itemId, ...extra, ...(element ? { item: snapshot(element) } : {}) });
  };
  const position = (slot: Element | null | undefined, element: Element) =>
    slot ? { itemListId: slot.getAttribute(SLOT_ATTRIBUTE) ?? undefined, index: Math.max(0, shownItems(slot).indexOf(element as HTMLElement)) } : {};

  const impressions = createImpressionTracker({
    document: doc,
    onViewable: guarded('impression', (element: Element) => {
      track('impression', element, readItem(element).id, position(element.parentElement?.closest(`[${SLOT_ATTRIBUTE}]`), element));
    }),
  });

  const pageType = doc.body?.getAttribute('data-inkling-page-type') ?? undefined;
  // Slots seen, and slots whose order is settled (their items are observed as they come).
  const seenSlots = new WeakSet<Element>();
  const settledSlots = new WeakSet<Element>();
  void Promise.all(findSlots(doc).map((slot) => personalizeSlot(slot, false))).finally(() => {
    options.concealer?.release();
    options.onSettled?.();
  });

  /** `unpainted`: the slot was just added (a MutationObserver runs before the next paint), so hiding it shows no change. */
  async function personalizeSlot(slot: HTMLElement, unpainted: boolean) {
    if (seenSlots.has(slot)) return;
    seenSlots.add(slot);
    const name = slot.getAttribute(SLOT_ATTRIBUTE) ?? '';
    // A returning visitor's slot changes only while hidden: by the tag's sheet since before its first
    // paint, or here because nobody has seen it yet. A new visitor's slot changes only off-screen.
    const ownStyle = returning && !options.concealer?.active && (unpainted || !isOnScreen(slot));
    if (ownStyle) slot.style.visibility = 'hidden';
    const hidden = () => ownStyle || options.concealer?.active === true;
    let state = 'original';
    try {
      if (inkling.mode !== 'off' && (!returning || hidden())) {
        const recipe = slot.getAttribute('data-inkling-recipe') ?? undefined;
        const ranking = await withinBudget(
          inkling.rank(itemElements(slot).map(readItem), { slot: name, explain: options.explain === true, ...(recipe ? { recipe } : {}), ...(pageType ? { context: { pageType } } : {}) }),
          returning ? budget : Infinity,
        );
        if (ranking && !ranking.fallback && (returning ? hidden() : !isOnScreen(slot))) {
          applyOrder(slot, ranking.items.map((entry) => entry.item.id), ranking.removed.map((entry) => entry.item.id));
          state = 'personalized';
        }
      }
    } catch (error) {
      reporter.error(error, `slot ${name}`);
    } finally {
      slot.setAttribute(STATE_ATTRIBUTE, state);
      if (ownStyle) slot.style.visibility = '';
      settledSlots.add(slot);
      for (const element of shownItems(slot)) impressions.observe(element);
    }
  }

  const stopClicks = listenForClicks(doc, guarded('click', (activation) => {
    const extra = activation.slot ? position(activation.slot, activation.element!) : {};
    track(activation.type as PageEventType, activation.element, activation.itemId, activation.orderId ? { ...extra, orderId: activation.orderId } : extra);
    if (activation.type === 'click' || activation.type === 'purchase') void inkling.flush();
  }));

  const markers = createMarkerTracker(doc, track);
  guarded('markers', markers.scan)();
  // A single-page app adds slots, items and markers later; Inkling's own moves are of known nodes and ignored.
  const stopWatching = watchDom(doc, guarded('new content', (added: readonly Element[]) => {
    for (const element of added) {
      for (const slot of element.matches(`[${SLOT_ATTRIBUTE}]`) ? [element as HTMLElement] : findSlots(element)) void personalizeSlot(slot, true);
      const slot = element.parentElement;
      if (slot && settledSlots.has(slot) && element.matches(`[${ITEM_ATTRIBUTE}]:not([hidden])`)) impressions.observe(element);
    }
    markers.scan();
  }), [VIEW_ATTRIBUTE, PURCHASE_ATTRIBUTE]);
  const stopRoutes = onRouteChange(guarded('route change', () => {
    markers.endView();
    impressions.reset();
    markers.scan();
  }));

  const onHide = guarded('page hide', () => {
    markers.endView();
    void inkling.flush();
  });
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

/** The slot's items a visitor can see: not hidden by the site, not removed by a rule. */
function shownItems(slot: Element): HTMLElement[] {
  return itemElements(slot).filter((child) => !child.hidden && !child.hasAttribute(REMOVED_ATTRIBUTE));
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
