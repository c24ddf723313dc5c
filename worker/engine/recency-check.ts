import type { Profile } from '../state/profile.js';
import { rankNormalize } from '../recipe/normalize.js';

/** One ranked list waiting to learn which of its items the visitor chose. */
interface Pending {
  readonly ids: readonly string[];
  readonly scores: Float32Array;
  /** Each item's last engagement time when the list was ranked (0: never engaged). */
  readonly engaged: Float64Array;
}

/**
 * The visitor's own check of the model's order against recent-first (engaged items newest first, the
 * rest in the model's order). When a visitor later engages an item of a list ranked for them, that
 * choice is a vote for whichever order placed it higher; ties vote for neither. The share of the say
 * given to recent-first is `2p - 1` for the posterior mean `p` of a uniform Beta prior on "recent-first
 * places the choice higher", and 0 when the model is ahead: no evidence keeps the model's order exactly,
 * one choice moves it by a third at most, and it grows only with repeated evidence. Kept in memory for
 * the engine's life (a model's past order cannot be rebuilt from stored events).
 */
export class RecencyCheck {
  private readonly pending = new Map<string, Pending>();
  /** Choices recent-first placed higher than the model did, and the reverse. */
  recentAhead = 0;
  modelAhead = 0;

  /** Recent-first's share of the say, in [0, 1). */
  weight(): number {
    const votes = this.recentAhead + this.modelAhead;
    return Math.max(0, (this.recentAhead - this.modelAhead) / (votes + 2));
  }

  /**
   * Settles the slot's previous list against what the visitor has engaged since, remembers this one
   * and returns the scores to rank with: the model's own when recent-first has no lead, else the blend
   * of both orders' percentiles.
   */
  scores(slot: string, ids: readonly string[], scores: Float32Array, profile: Profile): Float32Array {
    this.settle(slot, profile);
    const engaged = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) engaged[i] = profile.items.get(ids[i]!)?.lastEngaged ?? 0;
    this.pending.set(slot, { ids, scores: scores.slice(), engaged });
    const share = this.weight();
    if (share === 0) return scores;
    const model = rankNormalize(Float64Array.from(scores));
    // Engaged items above every other, newest first; the model's order among the rest.
    const recentKey = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) recentKey[i] = engaged[i]! > 0 ? engaged[i]! : -1 / (1 + model[i]!);
    const recent = rankNormalize(recentKey);
    const blended = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) blended[i] = (1 - share) * model[i]! + share * recent[i]!;
    return blended;
  }

  clear(): void {
    this.pending.clear();
    this.recentAhead = 0;
    this.modelAhead = 0;
  }

  /** The first item of the slot's last list engaged since it was ranked, scored as one vote. */
  private settle(slot: string, profile: Profile): void {
    const last = this.pending.get(slot);
    if (!last) return;
    this.pending.delete(slot);
    let chosen = -1;
    let chosenAt = Infinity;
    for (let i = 0; i < last.ids.length; i++) {
      const at = profile.items.get(last.ids[i]!)?.lastEngaged ?? 0;
      if (at > last.engaged[i]! && at < chosenAt) [chosen, chosenAt] = [i, at];
    }
    if (chosen < 0) return;
    const score = last.scores[chosen]!;
    const seen = last.engaged[chosen]!;
    let modelRank = 0;
    let recentRank = 0;
    for (let i = 0; i < last.ids.length; i++) {
      const other = last.scores[i]!;
      if (other > score) modelRank++;
      const at = last.engaged[i]!;
      if (seen > 0 ? at > seen : at > 0 || other > score) recentRank++;
    }
    if (recentRank < modelRank) this.recentAhead++;
    else if (modelRank < recentRank) this.modelAhead++;
  }
}
