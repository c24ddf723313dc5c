import {
  ACTION_ATTRIBUTE,
  ITEM_ATTRIBUTE,
  ITEM_REF_ATTRIBUTE,
  ORDER_ATTRIBUTE,
  SLOT_ATTRIBUTE,
  VIEW_ATTRIBUTE,
} from '../../common/markup.js';
import type { EventType } from '../../common/types.js';

/** Buttons that record an action on an item: `data-inkling-action="purchase"` with `data-inkling-item-ref`. */
const ACTIONS: ReadonlySet<string> = new Set<EventType>(['click', 'add_to_cart', 'purchase', 'dismiss']);

/** What a click on the page meant for Inkling. */
export interface ItemActivation {
  readonly type: EventType;
  readonly itemId: string;
  /** The item's element (for its attributes), when the click was on a tile. */
  readonly element?: Element;
  /** The slot the tile sits in. */
  readonly slot?: Element;
  /** `data-inkling-order-id` on a purchase button: lets the confirmation page's marker count as the same order. */
  readonly orderId?: string;
}

/**
 * One delegated listener for the whole page. Counts primary clicks, keyboard activation (which the
 * browser turns into `click`) and middle clicks (`auxclick`), which open the item in a new tab.
 * Listens in the capture phase so a site's `stopPropagation()` does not hide the click. Lives as long as the page.
 * Returns the handler, so clicks buffered before this ran can be counted the same way.
 */
export function listenForClicks(
  doc: Document,
  onActivate: (activation: ItemActivation) => void,
): (event: MouseEvent) => void {
  const handle = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const target = event.target instanceof Element ? event.target : null;
    const action = target?.closest(`[${ACTION_ATTRIBUTE}]`);
    if (action) {
      const type = action.getAttribute(ACTION_ATTRIBUTE) ?? '';
      const itemId =
        action.getAttribute(ITEM_REF_ATTRIBUTE) ?? action.closest(`[${ITEM_ATTRIBUTE}]`)?.getAttribute(ITEM_ATTRIBUTE);
      const orderId = action.getAttribute(ORDER_ATTRIBUTE) || undefined;
      if (ACTIONS.has(type) && itemId)
        onActivate({ type: type as EventType, itemId, element: findItemElement(doc, itemId), orderId });
      return;
    }
    const tile = target?.closest(`[${ITEM_ATTRIBUTE}]`);
    const slot = tile?.parentElement?.closest(`[${SLOT_ATTRIBUTE}]`);
    const itemId = tile?.getAttribute(ITEM_ATTRIBUTE);
    if (tile && slot && itemId) onActivate({ type: 'click', itemId, element: tile, slot });
  };
  for (const type of ['click', 'auxclick'] as const) doc.addEventListener(type, handle, true);
  return handle;
}

function findItemElement(doc: Document, itemId: string): Element | undefined {
  // Any character a site may put in an id (quotes, a newline) is escaped: a bad selector would throw here.
  const escaped = CSS.escape(itemId);
  return doc.querySelector(`[${ITEM_ATTRIBUTE}="${escaped}"], [${VIEW_ATTRIBUTE}="${escaped}"]`) ?? undefined;
}
