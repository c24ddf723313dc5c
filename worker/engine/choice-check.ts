import type { ChoiceRanks, InklingEvent } from '../../common/types.js';
import { chooseOrder, type ChoiceEvidence } from '../state/choice-evidence.js';
import { isEngagement } from '../state/item-record.js';
import type { Profile } from '../state/profile.js';
import { rankNormalize } from '../recipe/normalize.js';

/** A slot's last ranked list, waiting for the visitor's choice from it. */
interface Pending {
  readonly index: ReadonlyMap<string, number>;
  /** The model's scores, before the check replaced them. */
  readonly model: Float32Array;
  /** Each item's last engagement time when the list was ranked (0: never engaged). */
  readonly engaged: Float64Array;
  readonly siteMeaningful: boolean;
  readonly rankedAt: number;
}

/**
 * The per-slot check of the model's order against the site's order and recent-first on the visitor's
 * own choices. Each ranking is remembered until the visitor engages one of its items; that event is
 * stored with the item's place in each order (`choice`), and the visitor's state folds those places
 * into evidence (`state/choice-evidence.ts`), so the evidence is rebuilt from stored events on every
 * start. A slot is served in another order than the model's only when the evidence says it is better.
 */
export class ChoiceCheck {
  private readonly pending = new Map<string, Pending>();

  /**
   * Remembers this list for the visitor's next choice and returns the scores to rank with: the model's
   * own, or scores that put the items in the order the slot's evidence chose.
   */
  scores(
    slot: string,
    ids: readonly string[],
    model: Float32Array,
    profile: Profile,
    evidence: ChoiceEvidence,
    siteMeaningful: boolean,
    rankedAt: number,
  ): Float32Array {
    const engaged = engagedTimes(ids, profile);
    const index = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) if (!index.has(ids[i]!)) index.set(ids[i]!, i);
    this.pending.set(slot, { index, model: model.slice(), engaged, siteMeaningful, rankedAt });
    const order = chooseOrder(evidence, slot, siteMeaningful);
    if (order === 'model') return model;
    if (order === 'site') return Float32Array.from(ids, (_, i) => (ids.length - i) / (ids.length + 1));
    return recentFirst(model, engaged);
  }

  /**
   * The events, each engagement with an item of a list ranked here since given that item's places as
   * its `choice` (the first such engagement per ranking). A `choice` sent in is dropped: only the engine
   * that ranked the list can say where it placed the item.
   */
  annotate(events: readonly InklingEvent[]): readonly InklingEvent[] {
    if (this.pending.size === 0 && events.every((event) => event.choice === undefined)) return events;
    return events.map((sent) => {
      const event = sent.choice === undefined ? sent : withoutChoice(sent);
      if (!isEngagement(event.type)) return event;
      const slot = this.slotOf(event);
      if (slot === undefined) return event;
      const choice = placesOf(slot, this.pending.get(slot)!, this.pending.get(slot)!.index.get(event.itemId)!);
      this.pending.delete(slot);
      return { ...event, choice };
    });
  }

  clear(): void {
    this.pending.clear();
  }

  /** The slot whose pending list the event chose from: its own list first, else any that holds the item. */
  private slotOf(event: InklingEvent): string | undefined {
    const holds = (slot: string) => {
      const pending = this.pending.get(slot);
      return pending !== undefined && pending.index.has(event.itemId) && event.time >= pending.rankedAt;
    };
    if (event.itemListId !== undefined && holds(event.itemListId)) return event.itemListId;
    for (const slot of this.pending.keys()) if (holds(slot)) return slot;
    return undefined;
  }
}

/**
 * Each item's last engagement time (0: never), engagements of the same millisecond (a log stamped in
 * seconds has many) told apart by the profile's recent list, which keeps the order they came in.
 */
function engagedTimes(ids: readonly string[], profile: Profile): Float64Array {
  const engaged = new Float64Array(ids.length);
  const recent = profile.recent;
  for (let i = 0; i < ids.length; i++) {
    const last = profile.items.get(ids[i]!)?.lastEngaged ?? 0;
    engaged[i] = last > 0 ? last + (recent.lastIndexOf(ids[i]!) + 1) / (recent.length + 1) : 0;
  }
  return engaged;
}

function withoutChoice(event: InklingEvent): InklingEvent {
  const { choice: _dropped, ...rest } = event;
  return rest;
}

/** Where the model, recent-first and the site's order placed item `i` of the pending list (0-based). */
function placesOf(slot: string, pending: Pending, i: number): ChoiceRanks {
  const { model, engaged } = pending;
  let modelRank = 0;
  let recentRank = 0;
  for (let j = 0; j < model.length; j++) {
    if (model[j]! > model[i]!) modelRank++;
    // Engaged items first, newest first; the never-engaged after them in the model's order.
    if (engaged[i]! > 0 ? engaged[j]! > engaged[i]! : engaged[j]! > 0 || model[j]! > model[i]!) recentRank++;
  }
  return { slot, model: modelRank, recent: recentRank, ...(pending.siteMeaningful && { site: i }) };
}

/**
 * Recent-first as scores in (0, 1), the model's scale (`personal` clamps to it): engaged items above every
 * other, newest first; the rest keep the model's order.
 */
function recentFirst(model: Float32Array, engaged: Float64Array): Float32Array {
  const byTime: number[] = [];
  for (let i = 0; i < engaged.length; i++) if (engaged[i]! > 0) byTime.push(i);
  byTime.sort((a, b) => engaged[a]! - engaged[b]!);
  const key = Float64Array.from(model, (score) => Math.min(1, Math.max(0, score)));
  byTime.forEach((i, place) => (key[i] = 2 + place));
  return Float32Array.from(rankNormalize(key));
}
