import { OUTBOX_KEY } from '../../common/storage-keys.js';
import type { InklingEvent } from '../../common/types.js';
import { webStorage } from './web-storage.js';

/** Where the batcher parks unsent events when the page goes away; `localStorage` in `full` mode. */
export interface Outbox {
  load(): InklingEvent[];
  save(events: readonly InklingEvent[]): void;
}

/**
 * A task that queues this many events (a grid's impressions) sends them as it ends rather than after the
 * quiet time: they are one batch already, and waiting would cost the page one more task.
 */
const BURST = 20;

export interface BatcherOptions {
  /** Delivers a batch; the batch counts as sent once this resolves. */
  readonly send: (events: readonly InklingEvent[]) => Promise<void>;
  readonly outbox?: Outbox;
  /** Quiet time before a batch goes out. Default 250 ms. */
  readonly delayMs?: number;
  readonly onError: (error: unknown) => void;
}

export interface Batcher {
  add(event: InklingEvent): void;
  /** Sends everything queued now. */
  flush(): Promise<void>;
  /** Page is going away: park what is not yet confirmed, synchronously. */
  park(): void;
  /** Drops everything queued or parked (for `forget()` and mode `off`). */
  clear(): void;
}

/**
 * Queues events on the main thread (so `track()` costs almost nothing) and sends them in batches.
 * Events stay "unconfirmed" until the engine has them; if the page is hidden or unloads first they
 * are parked in the outbox and the next page view sends them, so a click that navigates is not lost.
 */
export function createBatcher(options: BatcherOptions): Batcher {
  let queued: InklingEvent[] = options.outbox?.load() ?? [];
  let inFlight: InklingEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sendQueued = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (queued.length === 0) return;
    const batch = queued;
    queued = [];
    inFlight = inFlight.concat(batch);
    // A Set, not batch.includes(): a burst of 10,000 events would cost 10^8 comparisons.
    const settle = () => {
      const settled = new Set(batch);
      inFlight = inFlight.filter((event) => !settled.has(event));
    };
    try {
      await options.send(batch);
      settle();
      options.outbox?.save(inFlight.concat(queued));
    } catch (error) {
      settle();
      // An event the worker cannot receive would fail every later batch: only the cloneable ones go back.
      queued = (error instanceof Error && error.name === 'DataCloneError' ? batch.filter(cloneable) : batch).concat(
        queued,
      );
      options.onError(error);
    }
  };
  // One batch at a time, in order; `flush()` resolves once everything queued before it was delivered.
  // When idle the batch leaves synchronously, so it reaches the engine ahead of a rank() made right after.
  let sending: Promise<void> | undefined;
  const flush = (): Promise<void> => {
    const run: Promise<void> = (sending ? sending.then(sendQueued) : sendQueued()).finally(() => {
      if (sending === run) sending = undefined;
    });
    return (sending = run);
  };

  // What the outbox held goes with the first flush (the event pipeline flushes at once).
  return {
    add(event) {
      // Sending clears the timer: a burst's timer never runs.
      timer ??= setTimeout(flush, options.delayMs ?? 250);
      if (queued.push(event) === BURST) queueMicrotask(flush);
    },
    flush,
    park() {
      options.outbox?.save(inFlight.concat(queued));
      void flush();
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
      queued = [];
      inFlight = [];
      options.outbox?.save([]);
    },
  };
}

function cloneable(event: InklingEvent): boolean {
  try {
    structuredClone(event);
    return true;
  } catch {
    return false;
  }
}

/** An outbox in `localStorage`; silently inert where storage is blocked. */
export function localStorageOutbox(key = OUTBOX_KEY): Outbox {
  const local = webStorage('localStorage');
  return {
    load: () => {
      const parsed = local.read<unknown>(key, []);
      return Array.isArray(parsed) ? (parsed as InklingEvent[]) : [];
    },
    save: (events) => local.write(key, events.length > 0 ? events : undefined),
  };
}
