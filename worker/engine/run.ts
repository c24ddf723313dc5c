import type { PrivacyMode } from '../../common/types.js';
import type { VisitorState } from '../state/visitor-state.js';

/** What the engine's parts share: set by `configure`, replaced whole by a rebuild or `forget`. */
export interface EngineRun {
  readonly now: () => number;
  /** Told about every fallback, once each. */
  readonly warn: (message: string) => void;
  mode: PrivacyMode;
  retentionDays: number;
  /** Events kept per visitor (see `EngineOptions.maxEvents`). */
  maxEvents: number;
  /** The profile (taste and item records) and the dedupers: what the stored events say, kept up to date. */
  state: VisitorState;
  /**
   * Work after a call has answered: training runs one at a time after the batches before them, and the
   * checkpoint write; forget/export/close wait for it.
   */
  background: Promise<void>;
}

/** Queues `task` after the background work before it; a failure is told to `warn` as `<what> skipped`. */
export function afterwards(run: EngineRun, what: string, task: () => Promise<void>): void {
  run.background = run.background
    .then(task)
    .catch((error: unknown) => run.warn(`${what} skipped (${errorText(error)})`));
}

/** An error's message, or the thrown value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
