import type { InklingEvent, ItemSnapshot } from '../../common/types.js';
import { createProfile, foldEvent, type Profile } from './profile.js';
import { createPurchaseDeduper } from './purchases.js';
import { foldChoice, type ChoiceEvidence } from './choice-evidence.js';

/** What the engine derives from stored events: the profile (taste and item records) and the dedupers. */
export interface VisitorState {
  readonly profile: Profile;
  readonly purchases: ReturnType<typeof createPurchaseDeduper>;
  /** Ids already folded: a batch resent from another page's outbox must not count twice. */
  readonly seenIds: Set<string>;
  /** Per slot, which order the visitor's own choices favour (the `choice` of stored events, folded). */
  readonly choices: ChoiceEvidence;
  /** Events folded in (the new ones): how many the store holds, as far as this engine knows; drives the event cap. */
  folded: number;
}

/** An empty state: a visitor with no stored events. */
export function emptyState(): VisitorState {
  return {
    profile: createProfile(),
    purchases: createPurchaseDeduper(),
    seenIds: new Set(),
    choices: new Map(),
    folded: 0,
  };
}

/**
 * Folds `events` into `state`, each id once and each purchase once, and returns the ones that were new.
 * `observe` sees each new event with the profile as it was before it (a training example must not see
 * its own click). Each event folds on its own: one that still fails after its snapshot is repaired is
 * skipped, and its neighbours in the batch are kept.
 */
export function foldEvents(
  state: VisitorState,
  events: readonly InklingEvent[],
  observe?: (event: InklingEvent, profile: Profile, index: number) => void,
): InklingEvent[] {
  const fresh: InklingEvent[] = [];
  events.forEach((sent, index) => {
    if (sent.id !== undefined && state.seenIds.has(sent.id)) return;
    const event = withUsableSnapshot(sent);
    try {
      if (state.purchases.isRepeat(event)) return;
      observe?.(event, state.profile, index);
      foldEvent(state.profile, withKnownSnapshot(state.profile, event));
      foldChoice(state.choices, event);
    } catch {
      return;
    }
    // Marked only once folded: a copy of a skipped event later in the batch gets its own try.
    if (event.id !== undefined) state.seenIds.add(event.id);
    fresh.push(event);
  });
  state.folded += fresh.length;
  return fresh;
}

/**
 * An event tracked without its item (a purchase marker on a confirmation page that does not list the
 * item) counts for taste with the item's snapshot as an earlier event gave it. Only the fold sees the
 * copy; the store keeps the event as it was sent.
 */
export function withKnownSnapshot(profile: Profile, event: InklingEvent): InklingEvent {
  if (event.item) return event;
  const known = profile.items.get(event.itemId)?.snapshot;
  return known ? { ...event, item: known } : event;
}

/**
 * The event with only well-typed snapshot fields: a site's `tags: {trail: true}` would otherwise stick to
 * the item's record and break every later event about it. Returns the event itself when nothing is wrong.
 */
function withUsableSnapshot(event: InklingEvent): InklingEvent {
  const item = event.item as Record<string, unknown> | undefined;
  if (item === undefined) return event;
  const tags = item.tags;
  const ok = (key: string, type: string) => item[key] === undefined || typeof item[key] === type;
  const tagsOk = tags === undefined || (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'));
  if (
    typeof item === 'object' &&
    item !== null &&
    tagsOk &&
    ok('category', 'string') &&
    ok('brand', 'string') &&
    ok('price', 'number')
  )
    return event;
  const snapshot: Record<string, unknown> = {};
  if (typeof item === 'object' && item !== null) {
    for (const [key, type] of [
      ['category', 'string'],
      ['brand', 'string'],
      ['price', 'number'],
    ] as const)
      if (typeof item[key] === type) snapshot[key] = item[key];
    if (tagsOk) snapshot.tags = tags;
  }
  return { ...event, item: snapshot as ItemSnapshot };
}
