import type { InklingEvent } from '../../common/types.js';

/** The orders a slot can be served in: the model's (the personalized blend), recent-first, the site's. */
export type CandidateOrder = 'model' | 'recent' | 'site';

/** The alternatives to the model that the check weighs, in order of preference on equal evidence. */
const ALTERNATIVES = ['site', 'recent'] as const satisfies readonly CandidateOrder[];

/**
 * Pseudo-choices on which an alternative did exactly as well as the model, added to every slot's
 * evidence: the model is presumed as good as any other order until the visitor's own choices say
 * otherwise, and a single choice can never move the slot off it (its spread is unknown).
 */
export const PRIOR_CHOICES = 1;

/** One alternative's record in one slot: the differences of its reciprocal-rank credit from the model's. */
export interface CreditRecord {
  /** Choices it was scored on. */
  n: number;
  /** Sum and sum of squares of `1/(1 + its rank) - 1/(1 + the model's rank)` of the chosen item. */
  sum: number;
  squares: number;
}

/** Per slot, per alternative: the visitor's own evidence (a fold of the stored events' `choice`). */
export type ChoiceEvidence = Map<string, SlotEvidence>;

/** Evidence as saved in a checkpoint: the map's entries. */
export type SavedChoiceEvidence = readonly (readonly [string, SlotEvidence])[];
type SlotEvidence = Partial<Record<Exclude<CandidateOrder, 'model'>, CreditRecord>>;

const credit = (rank: number) => 1 / (1 + rank);
/** Adds the event's choice, if it carries one, to the evidence of its slot. */
export function foldChoice(evidence: ChoiceEvidence, event: InklingEvent): void {
  const choice = event.choice;
  // A foreign or damaged record is skipped, never thrown on (`>= 0` is false for NaN and non-numbers).
  if (typeof choice?.slot !== 'string' || !(choice.model >= 0 && choice.recent >= 0 && (choice.site ?? 0) >= 0)) return;
  let slot = evidence.get(choice.slot);
  if (slot === undefined) evidence.set(choice.slot, (slot = {}));
  const model = credit(choice.model);
  for (const name of ALTERNATIVES) {
    const rank = choice[name];
    if (rank === undefined) continue;
    const record = (slot[name] ??= { n: 0, sum: 0, squares: 0 });
    const difference = credit(rank) - model;
    record.n += 1;
    record.sum += difference;
    record.squares += difference * difference;
  }
}

/**
 * The order the slot should be served in: an alternative only when its mean credit over the model's,
 * with {@link PRIOR_CHOICES} added at zero, exceeds one standard error of that mean (the same rule the
 * quality bench holds the engine to); the best such one, else the model. `site` is considered only
 * when the slot's order means something.
 */
export function chooseOrder(evidence: ChoiceEvidence, slot: string, siteMeaningful: boolean): CandidateOrder {
  const records = evidence.get(slot);
  if (records === undefined) return 'model';
  let best: CandidateOrder = 'model';
  let bestMean = 0;
  for (const name of ALTERNATIVES) {
    const record = records[name];
    if (record === undefined || (name === 'site' && !siteMeaningful)) continue;
    const count = record.n + PRIOR_CHOICES;
    const mean = record.sum / count;
    const variance = Math.max(0, record.squares - count * mean * mean) / (count - 1);
    if (mean > Math.sqrt(variance / count) && mean > bestMean) [best, bestMean] = [name, mean];
  }
  return best;
}

export function saveChoiceEvidence(evidence: ChoiceEvidence): SavedChoiceEvidence {
  return [...evidence];
}

/** The evidence a checkpoint saved; records it cannot read are left out (the evidence is then a floor). */
export function restoreChoiceEvidence(saved: unknown): ChoiceEvidence {
  const evidence: ChoiceEvidence = new Map();
  for (const entry of Array.isArray(saved) ? (saved as unknown[]) : []) {
    const [slot, records] = Array.isArray(entry) ? (entry as [unknown, SlotEvidence | null]) : [];
    if (typeof slot !== 'string' || typeof records !== 'object' || records === null) continue;
    const kept: SlotEvidence = {};
    for (const name of ALTERNATIVES) {
      const r = records[name];
      if (r && [r.n, r.sum, r.squares].every(Number.isFinite)) kept[name] = { n: r.n, sum: r.sum, squares: r.squares };
    }
    evidence.set(slot, kept);
  }
  return evidence;
}
