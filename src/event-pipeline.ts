import type { InklingEvent, PrivacyMode, TrackInput } from '../common/types.js';
import type { Reporter } from './report.js';
import { isReturning, markReturning } from './returning.js';
import { toEvents } from './track-input.js';
import { createBatcher, localStorageOutbox } from './tracker/batcher.js';
import type { PageViews } from './tracker/page-view.js';
import { sessionJournal } from './tracker/session-journal.js';
import type { SuppressedList } from './suppressed.js';

/** Events on their way from `track()` to the engine: the batcher, the outbox and the session journal. */
export interface EventPipeline {
  /** Queues the events of one `track()` call (nothing in `off`). */
  track(input: TrackInput): void;
  /** Sends what is queued. */
  send(): Promise<void>;
  /** Parks what is queued for the next page (synchronously: this runs from `pagehide`), then sends it. */
  flush(): Promise<void>;
  /** Drops what the new mode may not keep. */
  modeChanged(mode: PrivacyMode): void;
  /** This tab's share of forget(): every buffer on the main thread. */
  forget(): void;
}

/**
 * `mode()` is read at each step: a mode change applies to events already queued. `suppressed` notes each
 * purchase and dismissal, so that fallbacks hide them without the engine.
 */
export function createEventPipeline(
  mode: () => PrivacyMode,
  pageViews: PageViews,
  ingest: (events: readonly InklingEvent[]) => Promise<void>,
  reporter: Reporter,
  suppressed?: SuppressedList,
): EventPipeline {
  let returning = isReturning();
  const outbox = localStorageOutbox();
  const journal = sessionJournal();
  const batcher = createBatcher({
    send: ingest,
    // Only `full` may leave events in localStorage for the next page; `session` uses the tab's journal.
    outbox: {
      load: () => (mode() === 'full' ? outbox.load() : []),
      save: (events) => outbox.save(mode() === 'full' ? events : []),
    },
    onError: (error) => reporter.error(error, 'storing events'),
  });
  // `session` on a multi-page site: what earlier pages of this tab learned comes back from the journal.
  // Sent at once, so that it reaches the engine ahead of this page's first rank().
  if (mode() === 'session') for (const event of journal.load()) batcher.add(event);
  void batcher.flush();

  return {
    track(input) {
      const now = mode();
      if (now === 'off') return;
      const events = toEvents(input, { time: Date.now(), pageViewId: pageViews.id, nextId: pageViews.nextId });
      for (const event of events) {
        batcher.add(event);
        suppressed?.note(event, now);
      }
      if (now === 'session') journal.add(events);
      if (!returning) markReturning((returning = true), now);
    },
    send: () => batcher.flush(),
    async flush() {
      batcher.park();
      if (mode() === 'session') journal.save();
      await batcher.flush();
    },
    modeChanged(next) {
      // The returning hint follows the mode to where that mode may keep it (see returning.ts).
      if (returning && next !== 'off') markReturning(true, next);
      if (next === 'off') batcher.clear();
      if (next !== 'session') journal.clear();
    },
    forget() {
      batcher.clear();
      journal.clear();
      suppressed?.clear();
      markReturning(false);
      returning = false;
    },
  };
}
