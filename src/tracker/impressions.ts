/** MRC display viewability: 50% of pixels for 1 continuous second; 30% for elements over 242,500 px². */
const LARGE_AREA_PX = 242_500;
const VISIBLE_RATIO = 0.5;
const LARGE_VISIBLE_RATIO = 0.3;

export interface ImpressionTrackerOptions {
  /** Called with the elements that became viewable together (once per element). */
  readonly onViewable: (elements: Element[]) => void;
  readonly minVisibleMs?: number;
  /** Seams for tests. */
  readonly createObserver?: (
    callback: IntersectionObserverCallback,
    options: IntersectionObserverInit,
  ) => IntersectionObserver;
  readonly document?: Document;
}

export interface ImpressionTracker {
  observe(element: Element): void;
  /** Starts a new page view: every element may count once more. */
  reset(): void;
}

/**
 * Counts an element as seen once it has stayed viewable for `minVisibleMs` while the tab was visible.
 * Hiding the tab stops every running clock; showing it again restarts them from zero. Lives as long as the page.
 *
 * Elements that come into view together share one clock (one timer, one task): a grid of 100 tiles
 * costs one task a second later, not 100. An element that leaves view simply drops out of its group.
 */
export function createImpressionTracker(options: ImpressionTrackerOptions): ImpressionTracker {
  const doc = options.document ?? document;
  const minVisibleMs = options.minVisibleMs ?? 1000;
  const inView = new Set<Element>();
  /** Each running clock's element, and the group of elements it started with. */
  const clocks = new Map<Element, Set<Element>>();
  const counted = new WeakSet<Element>();
  /** Held strongly (reset() walks it, and the observer holds its targets): swept of removed elements. */
  const observed = new Set<Element>();
  let sweepAt = 64;
  /**
   * A single-page app replaces its items on every render: elements that left the document are
   * unobserved and forgotten, so that they can be collected. Run when the set has doubled since the last
   * sweep, which keeps the cost constant per observed element and the set within twice the live ones.
   */
  const sweep = () => {
    for (const element of observed) {
      if (element.isConnected) continue;
      observed.delete(element);
      inView.delete(element);
      stopClock(element);
      observer.unobserve(element);
    }
    sweepAt = Math.max(64, observed.size * 2);
  };

  const startClocks = (elements: Iterable<Element>) => {
    if (doc.visibilityState === 'hidden') return;
    const group = new Set<Element>();
    for (const element of elements)
      if (!clocks.has(element) && !counted.has(element)) clocks.set(element, group.add(element));
    if (group.size === 0) return;
    setTimeout(() => {
      for (const element of group) {
        clocks.delete(element);
        counted.add(element);
      }
      if (group.size > 0) options.onViewable([...group]);
    }, minVisibleMs);
  };
  const stopClock = (element: Element) => {
    clocks.get(element)?.delete(element);
    clocks.delete(element);
  };
  const stopAll = () => {
    for (const element of [...clocks.keys()]) stopClock(element);
  };

  const onChange: IntersectionObserverCallback = (entries) => {
    const entered: Element[] = [];
    for (const entry of entries) {
      const rect = entry.boundingClientRect;
      const needed = rect.width * rect.height > LARGE_AREA_PX ? LARGE_VISIBLE_RATIO : VISIBLE_RATIO;
      if (entry.isIntersecting && entry.intersectionRatio >= needed) {
        inView.add(entry.target);
        entered.push(entry.target);
      } else {
        inView.delete(entry.target);
        stopClock(entry.target);
      }
    }
    startClocks(entered);
  };
  const create = options.createObserver ?? ((callback, init) => new IntersectionObserver(callback, init));
  // Only the two ratios that decide: crossing either way is all that starts or stops a clock.
  const observer = create(onChange, { threshold: [LARGE_VISIBLE_RATIO, VISIBLE_RATIO] });

  doc.addEventListener('visibilitychange', () => (doc.visibilityState === 'hidden' ? stopAll() : startClocks(inView)));

  return {
    observe(element) {
      if (observed.has(element)) return;
      if (observed.size >= sweepAt) sweep();
      observed.add(element);
      observer.observe(element);
    },
    reset() {
      stopAll();
      sweep();
      for (const element of observed) {
        counted.delete(element);
        // Re-observing makes the observer report the current state again.
        observer.unobserve(element);
        observer.observe(element);
      }
    },
  };
}
