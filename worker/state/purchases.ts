import type { InklingEvent } from '../../common/types.js';

/** A "Buy now" click and the confirmation page that follows it are one purchase if this close. */
export const SAME_PURCHASE_MS = 60 * 60 * 1000;

/** Per item, the purchases already counted. */
export type PurchasesSeen = ReadonlyMap<string, readonly { readonly time: number; readonly orderId?: string }[]>;

/**
 * Recognises a purchase recorded twice: by a `data-inkling-action="purchase"` button and again by the
 * order confirmation's `data-inkling-purchase` marker. Two purchases of an item are one when they share
 * an order id, or when either lacks one and they are less than `SAME_PURCHASE_MS` apart. Purchases
 * with different order ids always count.
 */
export function createPurchaseDeduper(from?: PurchasesSeen, windowMs = SAME_PURCHASE_MS) {
  const seen = new Map(from);
  return {
    /** True when `event` repeats a purchase already seen; otherwise remembers it. */
    isRepeat(event: InklingEvent): boolean {
      if (event.type !== 'purchase') return false;
      const earlier = seen.get(event.itemId) ?? [];
      const repeat = earlier.some((other) =>
        event.orderId !== undefined && other.orderId !== undefined
          ? event.orderId === other.orderId
          : Math.abs(event.time - other.time) < windowMs,
      );
      if (!repeat)
        seen.set(event.itemId, [
          ...earlier,
          { time: event.time, ...(event.orderId === undefined ? {} : { orderId: event.orderId }) },
        ]);
      return repeat;
    },
    /** The purchases seen so far, for a checkpoint (`createPurchaseDeduper(seen)` goes on from them). */
    seen(): PurchasesSeen {
      return new Map(seen);
    },
  };
}
