import type { Engine, VisitorExport } from '../worker/protocol.js';
import { connectEngine } from './client.js';
import { createTabSync, storeConsent, storedConsent, type TabMessage } from './consent-sync.js';
import { readSignals, resolveMode, type PrivacyOptions, type PrivacySignals } from './privacy.js';
import { originalRanking, restoreItems, toPlainItem } from './rank-result.js';
import { createReporter } from './report.js';
import { toEvents } from './track-input.js';
import { createBatcher, localStorageOutbox } from './tracker/batcher.js';
import { newPageViewId } from './tracker/page-view.js';
import { onRouteChange } from './tracker/route-changes.js';
import { sessionJournal } from './tracker/session-journal.js';
import { webStorage } from './tracker/web-storage.js';
import type { ConsentState, Item, PrivacyMode, RankContext, Ranking, Reason, Recipe, TrackInput } from './types.js';

/** Options for `createInkling`. Everything is optional; the defaults make no network request and respect GPC. */
export interface InklingOptions extends PrivacyOptions {
  /** URL of `inkling.worker.js`. The npm build points at the file beside it; the tag derives it from its own `src`. */
  readonly workerUrl?: string | URL;
  /** Creates the worker (e.g. from a `blob:` URL for cross-origin hosting). */
  readonly createWorker?: (url: string | URL) => Worker;
  /** Named recipes; a slot picks one by name, `default` applies otherwise. See docs/recipes.md. */
  readonly recipes?: Readonly<Record<string, Recipe>>;
  /** Days events are kept on the device. Default 90. */
  readonly retentionDays?: number;
  /** Called with each contained error (once per distinct error). The console also gets one `[inkling]` line. */
  readonly onError?: (error: Error) => void;
  /** Seam for tests: the browser's privacy signals. */
  readonly signals?: PrivacySignals;
}

/** Options for one `rank()` call. */
export interface RankOptions {
  /** The slot's name (GA4 `item_list_id`). */
  readonly slot: string;
  /** A recipe name from `options.recipes`, or an inline recipe. */
  readonly recipe?: string | Recipe;
  readonly context?: RankContext;
}

/** The typed API for single-page apps; the script tag uses the same object. */
export interface Inkling {
  /** Records an event. Costs a queue push on the main thread; never throws. */
  track(input: TrackInput): void;
  /** Orders `items` for this visitor. Never rejects: on any failure the original order comes back. */
  rank<T extends Item>(items: readonly T[], options: RankOptions): Promise<Ranking<T>>;
  /** Why `itemId` got its place in the last ranking of `slot`. */
  explain(slot: string, itemId: string): Promise<readonly Reason[]>;
  /** Updates the site's consent state; takes effect at once, in every open tab, and on later pages. */
  setConsent(state: ConsentState): void;
  /** The mode in force now. */
  readonly mode: PrivacyMode;
  /** Erases everything Inkling holds about this visitor, in every open tab. */
  forget(): Promise<void>;
  /** Everything Inkling holds about this visitor, as JSON-safe data. */
  export(): Promise<VisitorExport>;
  /** Sends queued events now (and parks them for the next page if this one is going away). */
  flush(): Promise<void>;
}

/** Defaults that differ between the npm build and the script tag. */
export interface HostDefaults {
  readonly workerUrl?: string | URL;
  readonly loadInThread: () => Promise<Engine>;
}

/** Builds the API; `index.ts` and `tag.ts` supply the host defaults. */
export function createInklingWith(options: InklingOptions, host: HostDefaults): Inkling {
  const reporter = createReporter(options.onError);
  const signals = options.signals ?? readSignals();
  // A choice made with setConsent() on an earlier page governs this page's first event, unless the page says otherwise.
  let consent: ConsentState = options.consent && options.consent !== 'unknown' ? options.consent : (storedConsent() ?? options.consent ?? 'unknown');
  let mode = resolveMode(options, consent, signals);
  let pageViewId = newPageViewId();
  let eventCount = 0;
  const nextId = () => `${pageViewId}:${(eventCount++).toString(36)}`;
  // A single-page app's route change is a new page view (impressions count again).
  if (typeof history !== 'undefined') onRouteChange(() => (pageViewId = newPageViewId()));

  let enginePromise: Promise<Engine> | undefined;
  const engine = () =>
    (enginePromise ??= connectEngine({
      workerUrl: options.workerUrl ?? host.workerUrl,
      createWorker: options.createWorker,
      loadInThread: host.loadInThread,
      reporter,
    }).then(async (connected) => {
      await connected.configure({ mode, recipes: options.recipes, retentionDays: options.retentionDays });
      return connected;
    }));

  const outbox = localStorageOutbox();
  const journal = sessionJournal();
  const batcher = createBatcher({
    send: async (events) => (await engine()).ingest(events),
    // Only `full` may leave events in localStorage for the next page; `session` uses the tab's journal.
    outbox: { load: () => (mode === 'full' ? outbox.load() : []), save: (events) => outbox.save(mode === 'full' ? events : []) },
    onError: (error) => reporter.error(error, 'storing events'),
  });
  // `session` on a multi-page site: what earlier pages of this tab learned comes back from the journal.
  // Sent at once, so that it reaches the engine ahead of this page's first rank().
  if (mode === 'session') for (const event of journal.load()) batcher.add(event);
  void batcher.flush();

  const applyConsent = (state: ConsentState) => {
    consent = state;
    mode = resolveMode(options, consent, signals);
    if (mode === 'off') batcher.clear();
    if (mode !== 'session') journal.clear();
    // Not started yet: it starts with the mode in force then.
    void enginePromise?.then((connected) => connected.configure({ mode }), (error) => reporter.error(error, 'setConsent'));
  };
  /** This tab's share of forget(): every buffer on the main thread. */
  const forgetHere = () => {
    batcher.clear();
    journal.clear();
    webStorage('localStorage').write('inkling:returning', undefined);
  };
  const tabs = createTabSync((message: TabMessage) => {
    if ('consent' in message) applyConsent(message.consent);
    else {
      forgetHere();
      void enginePromise?.then((connected) => connected.forget(), (error) => reporter.error(error, 'forget'));
    }
  });

  return {
    get mode() {
      return mode;
    },
    track(input) {
      try {
        if (mode === 'off') return;
        const events = toEvents(input, { time: Date.now(), pageViewId, nextId });
        for (const event of events) batcher.add(event);
        if (mode === 'session') journal.add(events);
      } catch (error) {
        reporter.error(error, 'track');
      }
    },
    async rank(items, rankOptions) {
      try {
        if (mode === 'off') return originalRanking(items, { kind: 'rule', source: 'privacy', text: 'personalization is off' });
        const ranking = await (await engine()).rank({
          slot: rankOptions.slot,
          items: items.map(toPlainItem),
          ...(rankOptions.recipe === undefined ? {} : { recipe: rankOptions.recipe }),
          ...(rankOptions.context === undefined ? {} : { context: rankOptions.context }),
        });
        return restoreItems(ranking, items);
      } catch (error) {
        reporter.error(error, `rank(${rankOptions?.slot})`);
        return originalRanking(items, { kind: 'rule', source: 'fallback', text: 'original order kept after an error' });
      }
    },
    async explain(slot, itemId) {
      try {
        return (await (await engine()).explain(slot, itemId)) ?? [];
      } catch (error) {
        reporter.error(error, 'explain');
        return [];
      }
    },
    setConsent(state) {
      try {
        applyConsent(state);
        storeConsent(state);
        tabs.post({ consent: state });
      } catch (error) {
        reporter.error(error, 'setConsent');
      }
    },
    async forget() {
      try {
        forgetHere();
        tabs.post({ forget: true });
        await (await engine()).forget();
      } catch (error) {
        reporter.error(error, 'forget');
      }
    },
    async export() {
      await batcher.flush();
      return (await engine()).export();
    },
    async flush() {
      try {
        batcher.park();
        if (mode === 'session') journal.save();
        await batcher.flush();
      } catch (error) {
        reporter.error(error, 'flush');
      }
    },
  };
}
