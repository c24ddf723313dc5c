import type { ItemSnapshot } from './item.js';

/**
 * What happened to an item. Names follow GA4/Segment ecommerce: `impression` is GA4's
 * `view_item_list` entry, `view` is `view_item`, `click` is `select_item`.
 */
export type EventType = 'impression' | 'click' | 'view' | 'add_to_cart' | 'purchase' | 'dismiss';

/** One interaction with one item, as stored on the device. */
export interface InklingEvent {
  /** Unique id, assigned by the SDK; makes storing a batch twice (retries, several tabs) harmless. */
  readonly id?: string;
  readonly type: EventType;
  readonly itemId: string;
  /** When it happened, ms since epoch. */
  readonly time: number;
  /** The slot (GA4 `item_list_id`) the item was shown or clicked in. */
  readonly itemListId?: string;
  /** 0-based position in that slot (GA4 `index`). */
  readonly index?: number;
  /** Monetary value, for purchases and add-to-cart. */
  readonly value?: number;
  /** For `purchase`: the site's order id; the same order recorded twice (button and confirmation page) counts once. */
  readonly orderId?: string;
  /** For `view`: how long the detail page stayed visible, in ms. */
  readonly dwellMs?: number;
  /** Groups the events of one page view (an impression is counted once per item per slot per page view). */
  readonly pageViewId?: string;
  /** The item's attributes at the time of the event. */
  readonly item?: ItemSnapshot;
  /** Set by the engine, never by the page: where the orders it weighs placed this item (see {@link ChoiceRanks}). */
  readonly choice?: ChoiceRanks;
}

/**
 * An engagement with an item of a list the engine ranked on this page, as a choice: the item's 0-based
 * place in each order the engine weighs for that slot, so that the visitor's own evidence of which
 * order serves them best is rebuilt from stored events on every start.
 */
export interface ChoiceRanks {
  readonly slot: string;
  /** In the model's order (the personalized blend). */
  readonly model: number;
  /** Items the visitor engaged with first, newest first, then the model's order. */
  readonly recent: number;
  /** In the site's order; absent when the slot's order means nothing (`order: 'none'`). */
  readonly site?: number;
}

/**
 * What a site passes to `track()`. `time` defaults to now; a purchase may name several items at once
 * and is stored as one event per item.
 */
export type TrackInput =
  | (Omit<InklingEvent, 'time'> & { readonly time?: number })
  | {
      readonly type: 'purchase';
      readonly itemIds: readonly string[];
      readonly value?: number;
      readonly orderId?: string;
      readonly time?: number;
    };
