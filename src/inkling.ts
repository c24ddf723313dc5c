import type { ModelWeights } from '../worker/model/weights.js';
import type { PageEngine, VisitorExport } from '../common/protocol.js';
import type { NeighbourTable } from '../worker/site/neighbour-table.js';
import { assertAccepted, checkOptions, CONSENTS, EVENT_NAMES, type Checked } from './checks.js';
import { connectEngine } from './client.js';
import { createEmitter, type InklingEvents, type InklingHandler } from './emitter.js';
import { createTabSync, storeConsent, type TabMessage } from './consent-sync.js';
import { createEventPipeline } from './event-pipeline.js';
import { createModeState } from './mode-state.js';
import { readSignals, type PrivacyOptions, type PrivacySignals } from './privacy.js';
import { checkRankArguments, originalRanking, restoreItems, toPlainItem } from './rank-result.js';
import { createReporter } from './report.js';
import { createSuppressedList, type SuppressedList } from './suppressed.js';
import { trackPageViews } from './tracker/page-view.js';
import type {
  ConsentState,
  Item,
  PrivacyMode,
  RankContext,
  Ranking,
  Reason,
  Recipe,
  SlotOrder,
  TrackInput,
} from '../common/types.js';

/** Options for `createInkling`. Everything is optional; the defaults make no network request and respect GPC. */
export interface InklingOptions extends PrivacyOptions {
  /** URL of `inkling.worker.js`. The npm build points at the file beside it; the tag derives it from its own `src`. */
  readonly workerUrl?: string | URL;
  /** Creates the worker (e.g. from a `blob:` URL for cross-origin hosting). */
  readonly createWorker?: (url: string | URL) => Worker;
  /** Named recipes; a slot picks one by name, `default` applies otherwise. See docs/recipes.md. */
  readonly recipes?: Readonly<Record<string, Recipe>>;
  /** Days events are kept on the device, purged in whole UTC days (at most a day late; docs/privacy.md). Default 90. */
  readonly retentionDays?: number;
  /** Events kept on the device per visitor; past it the least useful go first (docs/privacy.md). Default 20,000. */
  readonly maxEvents?: number;
  /** Called with each contained error (once per distinct error). The console also gets one `[inkling]` line. */
  readonly onError?: (error: Error) => void;
  /**
   * The site's prior, from `npx inkling train` (docs/train.md): the URL of its `model.json` (fetched
   * by the worker, with no credentials and nothing about the visitor) or the object itself. Until it
   * is in, and if it fails (one error), ranking uses the prior shipped with the SDK.
   */
  readonly model?: string | URL | ModelWeights;
  /** The site's item neighbours (`neighbours.json` from `npx inkling train`): a URL or the object. */
  readonly neighbours?: string | URL | NeighbourTable;
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
  /**
   * What the slot's own order means: `site` (default) treats it as the site's judgement, kept for a
   * visitor the engine knows nothing about; `none` says it is arbitrary (random, by id), so position
   * counts for nothing and popularity orders what the visitor's history does not.
   */
  readonly order?: SlotOrder;
  /** Include `reasons` on every item (default true); `false` ranks faster and `explain()` still answers. */
  readonly explain?: boolean;
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
  /** Listens to `ranked`, `mode` or `error`; returns a function that stops listening. A throwing handler is contained. */
  on<K extends keyof InklingEvents>(type: K, handler: InklingHandler<K>): () => void;
  /** The visitor's own switch ("Pause personalization"): `true` means mode `off` until resumed. */
  pause(paused: boolean): void;
}

/** Defaults that differ between the npm build and the script tag. */
export interface HostDefaults {
  readonly workerUrl?: string | URL;
  /** Starts the worker the site's bundler resolved (the npm build); `workerUrl` and `createWorker` options win. */
  readonly bundledWorker?: () => Worker;
  readonly loadInThread: () => Promise<PageEngine>;
  /** Start the engine now rather than at the first call (the script tag: the first ranking is on the critical path). */
  readonly eager?: boolean;
  /** The bought and dismissed items every fallback hides; the tag shares it with its slots. */
  readonly suppressed?: SuppressedList;
  /** The options were checked already (the tag checks its own with the API's, in one pass). */
  readonly checked?: boolean;
}

/**
 * Builds the API; `index.ts` and `tag.ts` supply the host defaults. Its parts: the privacy state
 * machine (`mode-state.ts`), page views (`tracker/page-view.ts`), the event pipeline
 * (`event-pipeline.ts`), tab sync (`consent-sync.ts`) and the engine connection (`client.ts`).
 */
export function createInklingWith(given: Checked<InklingOptions>, host: HostDefaults): Inkling {
  const emitter = createEmitter((error) => reporter.error(error, 'event handler'));
  const reporter = createReporter((error) => {
    emitter.emit('error', error);
    // Last: a hook that is not a function (reported as an option) throws here, and the reporter contains it.
    given.onError?.(error);
  });
  const options = host.checked ? given : checkOptions(given, reporter.error);
  const suppressed = host.suppressed ?? createSuppressedList();
  let paused = false;
  /** A consent or pause change applies at once on this page, and in the engine if it has started. */
  const privacy = createModeState(options, options.signals ?? readSignals(), (mode) => {
    events.modeChanged(mode);
    // Withdrawn consent keeps nothing; a visitor's pause keeps what the engine keeps too.
    if (mode === 'off' && !paused) suppressed.clear();
    emitter.emit('mode', mode);
    // Not started yet: it starts with the mode in force then.
    void enginePromise
      ?.then((connected) => connected.configure({ mode }))
      .catch((error: unknown) => reporter.error(error, 'mode change'));
  });
  const pageViews = trackPageViews();

  let enginePromise: Promise<PageEngine> | undefined;
  const engine = () =>
    (enginePromise ??= connectEngine({
      workerUrl: options.workerUrl ?? host.workerUrl,
      createWorker: options.createWorker,
      bundledWorker:
        options.workerUrl === undefined && options.createWorker === undefined ? host.bundledWorker : undefined,
      loadInThread: host.loadInThread,
      reporter,
    }).then((connected) => {
      // Not awaited: the engine takes calls in order and each waits for the store this opens, so the
      // first rank() goes out now rather than a round trip later (it is on the way to the first paint).
      connected
        .configure({
          mode: privacy.mode,
          recipes: options.recipes,
          retentionDays: options.retentionDays,
          maxEvents: options.maxEvents,
        })
        .catch((error: unknown) => reporter.error(error, 'engine start'));
      loadSiteFiles(connected);
      return connected;
    }));

  /** Starts loading the site's files in the engine; rankings meanwhile use the shipped prior. */
  const loadSiteFiles = (connected: PageEngine) => {
    const { model, neighbours } = options;
    // Relative URLs are the page's: the worker would resolve them against its own script.
    const url = <T>(source: string | URL | T) =>
      typeof source === 'string' || source instanceof URL ? new URL(source, location.href).href : source;
    if (model || neighbours) {
      connected.loadSiteFiles({ model: url(model), neighbours: url(neighbours) }).then(
        (errors) => errors.forEach((message) => reporter.error(new Error(message), 'site file')),
        (error: unknown) => reporter.error(error, 'site file'),
      );
    }
  };

  const events = createEventPipeline(
    () => privacy.mode,
    pageViews,
    async (batch) => (await engine()).ingest(batch),
    reporter,
    suppressed,
  );
  /** This tab's share of forget(): the buffers, then the page's pending trackers (a view, impression clocks). */
  const forgetHere = () => {
    events.forget();
    emitter.emit('forget', undefined);
  };
  const tabs = createTabSync((message: TabMessage) => {
    if ('consent' in message) privacy.setConsent(message.consent);
    else {
      forgetHere();
      void enginePromise
        ?.then((connected) => connected.forget())
        .catch((error: unknown) => reporter.error(error, 'forget'));
    }
  });

  // `off` starts nothing: no worker, no database.
  if (host.eager && privacy.mode !== 'off') void engine().catch((error) => reporter.error(error, 'engine start'));

  /** Runs a method's work (an async function runs synchronously up to its first await); an error goes to the reporter and the caller gets `fallback()` (never a throw or a rejection). */
  const attempt = <R>(where: string, task: () => Promise<R>, fallback: () => R): Promise<R> =>
    task().catch((error: unknown) => {
      reporter.error(error, where);
      return fallback();
    });
  /** The synchronous methods: the work runs now, an error goes to the reporter (no promise per call: track() runs a hundred times a page). */
  const guard = (where: string, task: () => void) => {
    try {
      task();
    } catch (error) {
      reporter.error(error, where);
    }
  };
  /** The page's own order, with the reason it was kept. */
  const original = <T extends Item>(items: readonly T[], source: string, text: string) =>
    originalRanking(
      items,
      { kind: 'rule', source, text },
      suppressed.among(
        items.map((item) => item?.id),
        privacy.mode,
      ),
    );

  return {
    get mode() {
      return privacy.mode;
    },
    track: (input) => guard('track', () => events.track(input)),
    rank: (items, options) =>
      attempt(
        `rank(${options?.slot})`,
        async () => {
          checkRankArguments(items, options);
          const { slot, recipe, context, explain, order } = options;
          if (privacy.mode === 'off') return original(items, 'privacy', 'personalization is off');
          // Optional fields may go as undefined: the engine applies its defaults.
          const ranking = restoreItems(
            await (await engine()).rank({ slot, items: items.map(toPlainItem), recipe, context, explain, order }),
            items,
          );
          emitter.emit('ranked', { slot, ranking });
          return ranking;
        },
        () => original(Array.isArray(items) ? items : [], 'fallback', 'original order kept after an error'),
      ),
    explain: (slot, itemId) =>
      attempt(
        'explain',
        async () => {
          assertAccepted(slot, 'string', 'slot');
          assertAccepted(itemId, 'string', 'itemId');
          return (await (await engine()).explain(slot, itemId)) ?? [];
        },
        () => [],
      ),
    setConsent: (given) =>
      guard('setConsent', () => {
        // Fails closed: an unreadable state counts as `denied` (and is reported).
        const state = CONSENTS.includes(given) ? given : 'denied';
        privacy.setConsent(state);
        storeConsent(state);
        tabs.post({ consent: state });
        assertAccepted(given, CONSENTS, 'state');
      }),
    pause: (value) =>
      guard('pause', () => {
        // Fails closed: anything but `false` pauses (a value that is not a boolean is reported).
        privacy.setPaused((paused = value !== false));
        assertAccepted(value, 'boolean', 'paused');
      }),
    on: (type, handler) => {
      try {
        assertAccepted(type, EVENT_NAMES, 'type');
        assertAccepted(handler, 'function', 'handler');
        return emitter.on(type, handler);
      } catch (error) {
        reporter.error(error, 'on');
        return () => undefined;
      }
    },
    forget: () =>
      attempt(
        'forget',
        async () => {
          forgetHere();
          tabs.post({ forget: true });
          await (await engine()).forget();
        },
        () => undefined,
      ),
    export: () =>
      attempt(
        'export',
        async () => {
          await events.send();
          return (await engine()).export();
        },
        () => ({ exportedAt: Date.now(), mode: privacy.mode, events: [], profile: null, model: null }),
      ),
    // Parking and the journal are written synchronously: this runs from `pagehide`.
    flush: () =>
      attempt(
        'flush',
        () => events.flush(),
        () => undefined,
      ),
  };
}
