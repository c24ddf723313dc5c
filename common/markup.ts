/**
 * Every `data-inkling-*` name the SDK reads or writes on a page, in one place: the markup is a contract
 * with each site's templates, so a name changes here or nowhere.
 */

/** The prefix of every attribute below; the tag's own options are `data-inkling-<option>`. */
export const ATTRIBUTE_PREFIX = 'data-inkling-';

/** A container whose item children Inkling may reorder; its value names the slot. */
export const SLOT_ATTRIBUTE = 'data-inkling-slot';
/** An item, carrying its id. */
export const ITEM_ATTRIBUTE = 'data-inkling-item';
/** On a slot: the recipe it ranks with. */
export const RECIPE_ATTRIBUTE = 'data-inkling-recipe';
/** On `<body>`: the kind of page (`home`, `product`, ...), passed to the recipe as context. */
export const PAGE_TYPE_ATTRIBUTE = 'data-inkling-page-type';
/** Set on a slot once its order is settled (its value says how); slots without it stay hidden meanwhile. */
export const STATE_ATTRIBUTE = 'data-inkling-state';
/** Set on an item element a rule removed from the ranking. */
export const REMOVED_ATTRIBUTE = 'data-inkling-removed';

/** Marks a product detail page: `data-inkling-view="sku-1"`. */
export const VIEW_ATTRIBUTE = 'data-inkling-view';
/** Marks an order confirmation: `data-inkling-purchase="sku-1,sku-2"`, with {@link ORDER_ATTRIBUTE}. */
export const PURCHASE_ATTRIBUTE = 'data-inkling-purchase';
/** The order's id on a purchase marker or button: one order counts once. */
export const ORDER_ATTRIBUTE = 'data-inkling-order-id';
/** A button that records an action on an item: `data-inkling-action="purchase"`. */
export const ACTION_ATTRIBUTE = 'data-inkling-action';
/** On an action button outside the item's element: the item's id. */
export const ITEM_REF_ATTRIBUTE = 'data-inkling-item-ref';

/** On the script tag: where the visitor panel mounts (a selector; empty means `#inkling-panel-root`). */
export const PANEL_ATTRIBUTE = 'data-inkling-panel';
/** On the script tag: draw each item's score and reasons. */
export const DEBUG_ATTRIBUTE = 'data-inkling-debug';
/** The debug overlay's own host element. */
export const OVERLAY_ATTRIBUTE = 'data-inkling-overlay';
