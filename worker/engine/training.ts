import type { InklingEvent } from '../../common/types.js';
import { ExampleCollector } from '../model/examples.js';
import type { Profile } from '../state/profile.js';
import type { Opened } from './lifecycle.js';
import type { EngineRun } from './run.js';
import { WEIGHTS_KEY } from './saved-values.js';

const BATCH_SIZE = 32;
/** Batches of examples kept waiting for the next page view's training; older ones are dropped. */
const BACKLOG_LIMIT = 8;
/** The examples a backlog holds: a burst's older events would be dropped before training, so they never become examples. */
const BACKLOG_EXAMPLES = BACKLOG_LIMIT * BATCH_SIZE;

/** When the model learns, and how much: examples from each batch, a capped number of steps per page view. */
export class TrainingSchedule {
  readonly examples = new ExampleCollector();
  // Steps already spent in the page view that sent the latest batch; examples beyond the cap wait for the next one.
  private pageViewSteps: { readonly id: string | undefined; spent: number } = { id: undefined, spent: 0 };

  /** `maxSteps`: training steps (of 32 examples) allowed per page view. */
  constructor(private readonly maxSteps: number) {}

  /** An observer for folding a batch of `count` events: only the newest a backlog can hold become examples. */
  observerFor(count: number): (event: InklingEvent, profile: Profile, index: number) => void {
    const teachFrom = count - BACKLOG_EXAMPLES;
    return (event, profile, index) => index >= teachFrom && this.examples.observe(event, profile);
  }

  /**
   * Trains on what the batch taught, within the page view's cap, in one tab at a time (another tab's
   * lock means its engine is training on the same database); persists the new weights in `full` mode.
   */
  async train(run: EngineRun, { model, store, tryLock }: Opened, pageViewId: string | undefined): Promise<void> {
    const examples = this.examples;
    examples.keepNewest(BACKLOG_EXAMPLES);
    if (examples.size === 0) return;
    if (pageViewId === undefined || pageViewId !== this.pageViewSteps.id)
      this.pageViewSteps = { id: pageViewId, spent: 0 };
    const budget = this.pageViewSteps;
    const allowed = this.maxSteps - budget.spent;
    if (allowed <= 0) return;
    const next = () => {
      if (examples.size === 0) return undefined;
      budget.spent += 1;
      return examples.take(BATCH_SIZE);
    };
    const learned = await tryLock('train', () => model.train(next, allowed));
    if (learned && run.mode === 'full') await store.putValue(WEIGHTS_KEY, model.weights());
  }
}
