import { SLOT_ATTRIBUTE, STATE_ATTRIBUTE } from '../../common/markup.js';

/** Set on each slot once Inkling is done with it: `personalized` or `original`. A hook for CSS and tests. */

/** Hides a returning visitor's slots until they are settled; `release()` ends it for every slot. */
export interface Concealer {
  /** True while unsettled slots are kept from being painted. */
  active: boolean;
  release(): void;
}

/**
 * For a returning visitor, slots must be painted first in their final order. One constructed style
 * sheet hides every slot not yet settled (`data-inkling-state` unset), including slots the parser has
 * not reached yet, so this works from an async tag in <head>. Constructed sheets are CSSOM, which a
 * strict `style-src` allows. Nothing is hidden when the page may already have been painted: a slot the
 * visitor could see must not blink; those slots keep their original order instead. Paint timing
 * entries arrive a frame late, so a slot already parsed counts as painted unless the tag blocks
 * rendering (`<script async blocking="render">` in <head>, the documented snippet).
 */
export function concealSlots(doc: Document, maxMs: number, renderBlocking: boolean): Concealer {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const painted =
    (view?.performance?.getEntriesByType?.('paint').length ?? 0) > 0 ||
    (!renderBlocking && doc.querySelector(`[${SLOT_ATTRIBUTE}]`) !== null);
  if (painted || !view?.CSSStyleSheet || !('adoptedStyleSheets' in doc)) return { active: false, release() {} };
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(`[${SLOT_ATTRIBUTE}]:not([${STATE_ATTRIBUTE}]){visibility:hidden!important}`);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const concealer = {
    active: true,
    release() {
      concealer.active = false;
      clearTimeout(safetyNet);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((entry) => entry !== sheet);
    },
  };
  // A safety net (a huge page, a stuck engine): nothing stays hidden past this, and a slot released
  // this way keeps its original order, since page.ts checks `active` again before it moves anything.
  // Cleared on release: a timer left behind is a main-thread task for nothing.
  const safetyNet = setTimeout(concealer.release, maxMs);
  return concealer;
}

/** Whether any part of the element is inside the viewport now. */
export function isOnScreen(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < innerHeight && rect.height > 0;
}
