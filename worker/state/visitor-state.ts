import type { InklingEvent } from '../../common/types.js';
import { createProfile, foldEvent, type Profile } from './profile.js';
import { createPurchaseDeduper } from './purchases.js';
import { createHistoryIndex, type HistoryIndex } from './history.js';

/** What the engine derives from stored events: the profile, the rules' history and the dedupers. */
export interface VisitorState {
  readonly profile: Profile;
  readonly history: HistoryIndex;
  readonly purchases: ReturnType<typeof createPurchaseDeduper>;
  /** Ids already folded: a batch resent from another page's outbox must not count twice. */
  readonly seenIds: Set<string>;
}

/** An empty state: a visitor with no stored events. */
export function emptyState(): VisitorState {
  return { profile: createProfile(), history: createHistoryIndex(), purchases: createPurchaseDeduper(), seenIds: new Set() };
}

/**
 * Folds `events` into `state`, each id once and each purchase once, and returns the ones that were new.
 * `observe` sees each new event with the profile as it was before it (a training example must not see
 * its own click).
 */
export function foldEvents(state: VisitorState, events: readonly InklingEvent[], observe?: (event: InklingEvent, profile: Profile, index: number) => void): InklingEvent[] {
  const fresh = events.filter((event, index) => {
    if (event.id !== undefined) {
      if (state.seenIds.has(event.id)) return false;
      state.seenIds.add(event.id);
    }
    if (state.purchases.isRepeat(event)) return false;
    observe?.(event, state.profile, index);
    foldEvent(state.profile, event);
    return true;
  });
  state.history.add(fresh);
  return fresh;
}
