/** MRC display viewability: 50% of pixels for 1 continuous second; 30% for elements over 242,500 px². */
const LARGE_AREA_PX = 242_500;
const VISIBLE_RATIO = 0.5;
const LARGE_VISIBLE_RATIO = 0.3;

export interface ImpressionTrackerOptions {
  /** Called once per element when it becomes viewable. */
  readonly onViewable: (element: Element) => void;
  readonly minVisibleMs?: number;
  /** Seams for tests. */
  readonly createObserver?: (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => IntersectionObserver;
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
 */
export function createImpressionTracker(options: ImpressionTrackerOptions): ImpressionTracker {
  const doc = options.document ?? document;
  const minVisibleMs = options.minVisibleMs ?? 1000;
  const inView = new Set<Element>();
  const timers = new Map<Element, ReturnType<typeof setTimeout>>();
  const counted = new WeakSet<Element>();
  const observed = new Set<Element>();

  const startClock = (element: Element) => {
    if (timers.has(element) || counted.has(element) || doc.visibilityState === 'hidden') return;
    timers.set(element, setTimeout(() => {
      timers.delete(element);
      counted.add(element);
      options.onViewable(element);
    }, minVisibleMs));
  };
  const stopClock = (element: Element) => {
    clearTimeout(timers.get(element));
    timers.delete(element);
  };

  const onChange: IntersectionObserverCallback = (entries) => {
    for (const entry of entries) {
      const rect = entry.boundingClientRect;
      const needed = rect.width * rect.height > LARGE_AREA_PX ? LARGE_VISIBLE_RATIO : VISIBLE_RATIO;
      if (entry.isIntersecting && entry.intersectionRatio >= needed) {
        inView.add(entry.target);
        startClock(entry.target);
      } else {
        inView.delete(entry.target);
        stopClock(entry.target);
      }
    }
  };
  const create = options.createObserver ?? ((callback, init) => new IntersectionObserver(callback, init));
  const observer = create(onChange, { threshold: [0, LARGE_VISIBLE_RATIO, VISIBLE_RATIO, 0.75, 1] });

  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') for (const element of [...timers.keys()]) stopClock(element);
    else for (const element of inView) startClock(element);
  };
  doc.addEventListener('visibilitychange', onVisibility);

  return {
    observe(element) {
      if (observed.has(element)) return;
      observed.add(element);
      observer.observe(element);
    },
    reset() {
      for (const element of [...timers.keys()]) stopClock(element);
      for (const element of observed) {
        counted.delete(element);
        // Re-observing makes the observer report the current state again.
        observer.unobserve(element);
        observer.observe(element);
      }
    },
  };
}
