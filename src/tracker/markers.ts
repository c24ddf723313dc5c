import { ITEM_ATTRIBUTE, ORDER_ATTRIBUTE, PURCHASE_ATTRIBUTE, VIEW_ATTRIBUTE } from '../../common/markup.js';

/** How the marker tracker reports: the page wires it to `inkling.track` with the item's attributes. */
export type MarkerSink = (
  type: 'view' | 'purchase',
  element: Element | undefined,
  itemId: string,
  extra: { dwellMs?: number; orderId?: string },
) => void;

/** Turns view and purchase markers into events. */
export interface MarkerTracker {
  /** Looks for markers that appeared since the last look (page load, SPA render, route change). */
  scan(): void;
  /** The visitor is leaving the detail page (hidden, unloaded, routed away): send its view with the dwell time. */
  endView(): void;
  /** The visitor asked to be forgotten: the view being timed is dropped, never sent. */
  dropView(): void;
}

/**
 * A view is sent once, when the visitor leaves the detail page, with how long it was open; a purchase
 * marker is read once per element. A single-page app that reuses the element for another product
 * starts a new view.
 */
export function createMarkerTracker(doc: Document, sink: MarkerSink, now: () => number = Date.now): MarkerTracker {
  const readPurchases = new WeakSet<Element>();
  let view: { element: Element; id: string; start: number; sent?: true } | undefined;
  const endView = () => {
    if (!view || view.sent) return;
    view.sent = true;
    sink('view', view.element, view.id, { dwellMs: Math.max(0, now() - view.start) });
  };
  return {
    scan() {
      const element = doc.querySelector(`[${VIEW_ATTRIBUTE}]`);
      const id = element?.getAttribute(VIEW_ATTRIBUTE) ?? '';
      if (element !== view?.element || id !== view?.id) {
        endView();
        view = element && id ? { element, id, start: now() } : undefined;
      }
      for (const marker of doc.querySelectorAll(`[${PURCHASE_ATTRIBUTE}]`)) {
        if (readPurchases.has(marker)) continue;
        readPurchases.add(marker);
        const orderId = marker.getAttribute(ORDER_ATTRIBUTE) || undefined;
        for (const itemId of (marker.getAttribute(PURCHASE_ATTRIBUTE) ?? '')
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)) {
          sink('purchase', doc.querySelector(`[${ITEM_ATTRIBUTE}="${CSS.escape(itemId)}"]`) ?? undefined, itemId, {
            orderId,
          });
        }
      }
    },
    endView,
    dropView: () => void (view && (view.sent = true)),
  };
}
