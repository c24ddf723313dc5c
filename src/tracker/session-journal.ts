import { SESSION_JOURNAL_KEY } from '../../common/storage-keys.js';
import type { InklingEvent } from '../../common/types.js';
import { webStorage } from './web-storage.js';

/** How many events a tab's session keeps; the oldest go first. */
const LIMIT = 2000;

/** What `session` mode remembers across the pages of one tab. */
export interface SessionJournal {
  /** The events earlier pages of this tab recorded. */
  load(): readonly InklingEvent[];
  add(events: readonly InklingEvent[]): void;
  /** Writes the journal; called when the page is hidden or unloads, not per event. */
  save(): void;
  clear(): void;
}

/**
 * `session` mode on a multi-page site: the engine lives only as long as the page, so the events of
 * this tab's visit are carried to the next page in `sessionStorage`, which the browser keeps per tab
 * and erases when the tab closes. Nothing reaches IndexedDB or localStorage.
 */
export function sessionJournal(key = SESSION_JOURNAL_KEY): SessionJournal {
  const session = webStorage('sessionStorage');
  let events: InklingEvent[] | undefined;
  const load = () => {
    if (!events) {
      const parsed = session.read<unknown>(key, []);
      events = Array.isArray(parsed) ? (parsed as InklingEvent[]) : [];
    }
    return events;
  };
  return {
    load,
    add(batch) {
      const list = load();
      list.push(...batch);
      if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
    },
    save: () => events?.length && session.write(key, events),
    clear() {
      events = [];
      session.write(key, undefined);
    },
  };
}
