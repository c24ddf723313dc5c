import type { Inkling } from './inkling.js';
import type { PageSlots } from './page.js';
import type { Reporter } from './report.js';
import {
  ITEM_ATTRIBUTE,
  PURCHASE_ATTRIBUTE,
  REMOVED_ATTRIBUTE,
  SLOT_ATTRIBUTE,
  VIEW_ATTRIBUTE,
} from '../common/markup.js';
import { findSlots, itemElements } from './slots/read-items.js';
import { listenForClicks } from './tracker/clicks.js';
import { watchDom } from './tracker/dom-watch.js';
import { createImpressionTracker } from './tracker/impressions.js';
import { createMarkerTracker } from './tracker/markers.js';
import { ROUTE_EVENT } from './tracker/route-changes.js';
import type { TrackInput } from '../common/types.js';

type PageEventType = 'impression' | 'click' | 'add_to_cart' | 'purchase' | 'dismiss' | 'view';

/**
 * The tag's tracking, a module it imports once ranking has started (`inkling-track.js`): impressions,
 * clicks and actions, detail-page views and purchases, and a single-page app's later slots, items,
 * markers and route changes. `early` holds the clicks the tag buffered before this module arrived;
 * they are counted now. Everything lives as long as the page; every handler contains its own errors.
 */
export function watchPage(
  inkling: Inkling,
  reporter: Reporter,
  page: PageSlots,
  early: readonly MouseEvent[] = [],
): void {
  const { document: doc, items } = page;
  const guarded =
    <A extends unknown[]>(where: string, task: (...args: A) => void) =>
    (...args: A) => {
      try {
        task(...args);
      } catch (error) {
        reporter.error(error, where);
      }
    };
  /** What the slot's ranking read, unless the element has since become another item (a framework reusing it). */
  const ranked = (element: Element) => {
    const item = items.get(element);
    return item && item.id === element.getAttribute(ITEM_ATTRIBUTE) ? item : undefined;
  };
  const readItem = (element: Element) => ranked(element) ?? page.readItem(element);
  /** What to record: `itemId` defaults to the element's own. */
  const inputFor = (
    type: PageEventType,
    element: Element | undefined,
    itemId: string | undefined,
    extra: { itemListId?: string; index?: number; dwellMs?: number; orderId?: string } = {},
  ): TrackInput => {
    const item = element && readItem(element);
    // The whole item goes: `plainEvent` (src/tracker/plain-event.ts) keeps only its snapshot's fields.
    return { type, itemId: itemId ?? item?.id ?? '', ...extra, item };
  };
  const track = (...args: Parameters<typeof inputFor>) => inkling.track(inputFor(...args));
  /**
   * In `full` mode an impression of an item a ranking read goes as its id: this page's engine holds
   * the item's snapshot (`worker/state/served-items.ts`), so a grid's hundred impressions build and clone
   * no copies of it. `session` mode carries events to the next page's engine, which never saw them.
   */
  const impressionOf = (element: Element, extra: { itemListId?: string; index?: number }): TrackInput => {
    const item = inkling.mode === 'full' ? ranked(element) : undefined;
    return item ? { type: 'impression', itemId: item.id, ...extra } : inputFor('impression', element, undefined, extra);
  };
  /** A slot as GA4 lists it: for each shown item, the slot's name (`item_list_id`) and the item's place (`index`). */
  const positionsIn = (slot: Element) => {
    const itemListId = slot.getAttribute(SLOT_ATTRIBUTE) ?? undefined;
    const places = new Map<Element, number>(shownItems(slot).map((shown, index) => [shown, index]));
    return (element: Element) => ({ itemListId, index: places.get(element) ?? 0 });
  };

  const impressions = createImpressionTracker({
    document: doc,
    onViewable: guarded('impression', (elements: Element[]) => {
      // Elements seen together mostly share a slot: it is listed once, not once per element.
      const lists = new Map<Element, ReturnType<typeof positionsIn>>();
      for (const element of elements) {
        const slot = element.parentElement?.closest(`[${SLOT_ATTRIBUTE}]`);
        if (slot && !lists.has(slot)) lists.set(slot, positionsIn(slot));
        inkling.track(impressionOf(element, slot ? lists.get(slot)!(element) : {}));
      }
    }),
  });
  // Items count once their slot's order is final: the slots settled so far, and each one as it settles.
  const observeItems = (slot: Element) => {
    for (const element of shownItems(slot)) impressions.observe(element);
  };
  const onSettled = guarded('impression', observeItems);
  for (const slot of findSlots(doc)) if (page.settled.has(slot)) observeItems(slot);

  const onClick = listenForClicks(
    doc,
    guarded('click', (activation) => {
      const extra = activation.slot ? positionsIn(activation.slot)(activation.element!) : {};
      track(activation.type as PageEventType, activation.element, activation.itemId, {
        ...extra,
        orderId: activation.orderId,
      });
      if (activation.type === 'click' || activation.type === 'purchase') void inkling.flush();
    }),
  );
  for (const event of early) onClick(event);

  const markers = createMarkerTracker(doc, track);
  // A single-page app adds slots, items and markers later. Inkling's own reordering is kept from the
  // observer (`quietly`); elements a ranking read that a framework moves are passed over at once.
  const onAdded = guarded('new content', (added: readonly Element[], attributesChanged: boolean) => {
    let changed = attributesChanged;
    for (const element of added) {
      if (items.has(element)) continue;
      changed = true;
      for (const slot of element.matches(`[${SLOT_ATTRIBUTE}]`) ? [element as HTMLElement] : findSlots(element))
        void page.personalize(slot, true);
      const slot = element.parentElement;
      if (slot && page.settled.has(slot) && element.matches(`[${ITEM_ATTRIBUTE}]:not([hidden])`))
        impressions.observe(element);
    }
    if (changed) markers.scan();
  });
  page.attach({ onSettled, quietly: watchDom(doc, onAdded, [VIEW_ATTRIBUTE, PURCHASE_ATTRIBUTE]) });
  // Slots added between the tag's start and now (they may have been painted: ranked off-screen only).
  for (const slot of findSlots(doc)) void page.personalize(slot, false);
  guarded('markers', markers.scan)();
  // The tag wrapped history already (src/inkling.ts): a route change is a new page view.
  addEventListener(
    ROUTE_EVENT,
    guarded('route change', () => {
      markers.endView();
      impressions.reset();
      markers.scan();
    }),
  );

  // forget() here, in another tab or from the panel: nothing timed before it may be recorded after it.
  inkling.on(
    'forget',
    guarded('forget', () => {
      markers.dropView();
      impressions.reset();
    }),
  );

  // The tag flushes on hide too, but before this view is ended: flush again so that it is parked.
  const onHide = guarded('page hide', () => {
    markers.endView();
    void inkling.flush();
  });
  doc.addEventListener('visibilitychange', () => doc.visibilityState === 'hidden' && onHide());
  addEventListener('pagehide', onHide);
}

/** The slot's items a visitor can see: not hidden by the site, not removed by a rule. */
function shownItems(slot: Element): HTMLElement[] {
  return itemElements(slot).filter((child) => !child.hidden && !child.hasAttribute(REMOVED_ATTRIBUTE));
}
