import type { Inkling } from './inkling.js';
import type { Item } from '../common/types.js';
import type { Reporter } from './report.js';
import { isReturning } from './returning.js';
import { applyOrder } from './slots/apply-order.js';
import {
  ITEM_ATTRIBUTE,
  PAGE_TYPE_ATTRIBUTE,
  REASON_ATTRIBUTE,
  RECIPE_ATTRIBUTE,
  SLOT_ATTRIBUTE,
  SLOT_ORDER_ATTRIBUTE,
  STATE_ATTRIBUTE,
  VIEW_ATTRIBUTE,
} from '../common/markup.js';
import { isOnScreen, type Concealer } from './slots/conceal.js';
import { findSlots, itemElements, readItem } from './slots/read-items.js';
import type { SuppressedList } from './suppressed.js';

export { REASON_ATTRIBUTE, STATE_ATTRIBUTE };

/** Options for the markup-driven integration (what the script tag runs). */
export interface PageOptions {
  /** How long a slot may stay hidden waiting for its order; after that it keeps the original order. Default 150 ms. */
  readonly rankBudgetMs?: number;
  /** Hides slots from before their first paint (the tag starts it as early as it can). */
  readonly concealer?: Concealer;
  /** Word every item's reasons (the debug overlay shows them); off by default, since `explain()` words them on demand. */
  readonly explain?: boolean;
  /** What the visitor bought or dismissed: hidden in a slot that keeps its original order, whatever the reason. */
  readonly suppressed?: SuppressedList;
  /** Hears the names of slots a returning visitor saw painted before the tag ran (once per slot). */
  readonly onPaintedEarly?: (slot: string) => void;
  /** Every slot keeps its original order (the tag's recipes could not be read; that error was reported once). */
  readonly keepOrder?: boolean;
  readonly document?: Document;
}

/** What the tracking module (`page-watch.ts`) hands the slots' side once it has loaded. */
export interface TrackingHooks {
  /** Hears each slot as it settles. */
  readonly onSettled: (slot: HTMLElement) => void;
  /** Runs Inkling's own moves of a slot's items: the tracking module keeps them from its DOM observer. */
  readonly quietly: (moves: () => void) => void;
}

/** What the tracking module (`page-watch.ts`, loaded lazily) needs from the slots' side. */
export interface PageSlots {
  readonly document: Document;
  /** Ranks a slot once (later calls for the same slot do nothing). `unpainted`: the slot was just added. */
  personalize(slot: HTMLElement, unpainted: boolean): Promise<void>;
  /** Slots whose order is final: their items may count impressions. */
  readonly settled: WeakSet<Element>;
  /** Resolves once every slot on the page at start is settled. */
  readonly ready: Promise<unknown>;
  /** Connects the tracking module once it has loaded; until then slots settle unheard and moves run as they come. */
  attach(hooks: TrackingHooks): void;
  /** The tag's item reader, lent so that the tracking module does not ship a second copy. */
  readonly readItem: typeof readItem;
  /**
   * Each item element the slots' rankings read, with what was read: its impressions need not read it
   * again, and Inkling's own reordering moves only these elements.
   */
  readonly items: WeakMap<Element, Item>;
}

/**
 * Ranks every `data-inkling-slot` on the page and moves its items into the visitor's order, only
 * while nobody can see the slot move. Tracking lives in `page-watch.ts`, which the tag loads lazily:
 * the first ranking must not wait for it. Every failure keeps the slot's original order.
 */
export function personalizePage(inkling: Inkling, reporter: Reporter, options: PageOptions = {}): PageSlots {
  const doc = options.document ?? document;
  const budget = options.rankBudgetMs ?? 150;
  const returning = isReturning();
  const pageType = doc.body?.getAttribute(PAGE_TYPE_ATTRIBUTE) ?? undefined;
  const seen = new WeakSet<Element>();
  const settled = new WeakSet<Element>();
  const items = new WeakMap<Element, Item>();
  let tracking: TrackingHooks | undefined;

  /** `unpainted`: the slot was just added (a MutationObserver runs before the next paint), so hiding it shows no change. */
  async function personalize(slot: HTMLElement, unpainted: boolean) {
    if (seen.has(slot)) return;
    seen.add(slot);
    const name = slot.getAttribute(SLOT_ATTRIBUTE) ?? '';
    // A returning visitor's slot changes only while hidden: by the tag's sheet since before its first
    // paint, or here because nobody has seen it yet. A new visitor's slot changes only off-screen.
    const ownStyle = returning && !options.concealer?.active && (unpainted || !isOnScreen(slot));
    if (ownStyle) slot.style.visibility = 'hidden';
    const hidden = () => ownStyle || options.concealer?.active === true;
    const quietly = (moves: () => void) => (tracking ? tracking.quietly(moves) : moves());
    let state = 'original';
    // Why the slot kept its order, for the site owner (`data-inkling-reason`, the debug overlay).
    let reason = 'personalization is off';
    try {
      if (inkling.mode !== 'off' && options.keepOrder) {
        reason = 'recipes could not be read';
      } else if (inkling.mode !== 'off' && returning && !hidden()) {
        reason = 'painted before the tag ran';
        options.onPaintedEarly?.(name);
      } else if (inkling.mode !== 'off') {
        const start = performance.now();
        const recipe = slot.getAttribute(RECIPE_ATTRIBUTE) ?? undefined;
        // `data-inkling-order="none"`: the slot's order is arbitrary, so position counts for nothing.
        const order = slot.getAttribute(SLOT_ORDER_ATTRIBUTE) === 'none' ? ('none' as const) : undefined;
        const listed = itemElements(slot).map((element) => items.set(element, readItem(element)).get(element)!);
        const ranked = inkling.rank(listed, {
          slot: name,
          explain: !!options.explain,
          recipe,
          context: { pageType },
          ...(order && { order }),
        });
        const ranking = returning ? await withinBudget(ranked, budget) : await ranked;
        reason = !ranking
          ? `budget missed after ${Math.round(performance.now() - start)} ms`
          : ranking.fallback
            ? 'worker failed'
            : !(returning ? hidden() : !isOnScreen(slot))
              ? 'on screen before ranking'
              : '';
        if (!reason) {
          quietly(() =>
            applyOrder(
              slot,
              ranking!.items.map((entry) => entry.item.id),
              ranking!.removed.map((entry) => entry.item.id),
            ),
          );
          state = ranking!.group;
          if (state === 'holdout') reason = 'holdout';
        }
      }
    } catch (error) {
      reason = 'error';
      reporter.error(error, `slot ${name}`);
    } finally {
      // The engine did not order the slot: what the visitor bought or dismissed is hidden all the same.
      const ids = itemElements(slot).map((element) => element.getAttribute(ITEM_ATTRIBUTE)!);
      const suppressed = state === 'original' && options.suppressed?.among(ids, inkling.mode);
      // In the page's order, with those last (hidden, or invisible placeholders where hiding would shift the page).
      if (suppressed && suppressed.size > 0) quietly(() => applyOrder(slot, ids, [...suppressed]));
      slot.setAttribute(STATE_ATTRIBUTE, state);
      if (reason) slot.setAttribute(REASON_ATTRIBUTE, reason);
      if (ownStyle) slot.style.visibility = '';
      settled.add(slot);
      tracking?.onSettled(slot);
    }
  }

  const ready = Promise.all(findSlots(doc).map((slot) => personalize(slot, false))).finally(() =>
    options.concealer?.release(),
  );
  const attach = (hooks: TrackingHooks) => void (tracking = hooks);
  const page: PageSlots = { document: doc, personalize, settled, ready, readItem, items, attach };
  // Events queued on this page must survive navigation, whether or not the tracking module has loaded.
  const onHide = () => void inkling.flush();
  doc.addEventListener('visibilitychange', () => doc.visibilityState === 'hidden' && onHide());
  // Until that module has loaded (it attaches, and ends views itself), a visitor who leaves a detail
  // page at once still viewed it. A view timed before forget() is not sent (the module drops its own too).
  let forgotten = false;
  inkling.on('forget', () => (forgotten = true));
  addEventListener('pagehide', () => {
    const marker = tracking || forgotten ? null : doc.querySelector(`[${VIEW_ATTRIBUTE}]`);
    const item = marker && readItem(marker);
    if (item) inkling.track({ type: 'view', itemId: item.id, item, dwellMs: performance.now() });
    onHide();
  });
  return page;
}

/**
 * Resolves to undefined when the budget runs out, so the slot keeps its original order. The timer is
 * cleared once the ranking is in: left to fire, it would be one more main-thread task for nothing.
 */
function withinBudget<T>(promise: Promise<T>, budgetMs: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<undefined>((resolve) => void (timer = setTimeout(resolve as () => void, budgetMs)));
  return Promise.race([promise, outOfTime]).finally(() => clearTimeout(timer));
}
