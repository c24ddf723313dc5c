import type { RankRequest } from '../../common/protocol.js';
import type { Item, Ranking, Reason } from '../../common/types.js';
import { featurize } from '../features.js';
import { engagedPerCategory, personalReasons } from '../personal-reasons.js';
import { applyRecipe, type ApplyInput, type Candidate } from '../recipe/index.js';
import type { RecipeRegistry } from '../recipe-registry.js';
import { neighbourScores, type NeighbourIndex, type NeighbourScores } from '../site/neighbour-index.js';
import { historyAt } from '../state/history.js';
import type { Profile } from '../state/profile.js';
import type { Opened } from './lifecycle.js';
import type { TrainingSchedule } from './training.js';
import { ChoiceCheck } from './choice-check.js';
import type { EngineRun } from './run.js';

interface LastRanking {
  ranking: Ranking;
  input: ApplyInput;
  readonly items: readonly Item[];
  readonly scores: Float32Array;
  readonly near: NeighbourScores | undefined;
}

/** Ranks slots and keeps each slot's last ranking, its input and scores, for `explain` and impressions. */
export class SlotRankings {
  private readonly last = new Map<string, LastRanking>();
  /** Remembers each slot's list for the visitor's next choice, and serves the order their choices favour. */
  readonly choices = new ChoiceCheck();
  /** The site's neighbour table, indexed (set by the engine's options or `configure`). */
  neighbours: NeighbourIndex | undefined;

  constructor(
    private readonly recipes: RecipeRegistry,
    private readonly training: TrainingSchedule,
  ) {}

  /** Scores the items with the model, then lets the recipe blend, filter and order them. */
  rank(run: EngineRun, { model, holdoutDraw }: Opened, request: RankRequest): Ranking {
    const recipe = this.recipes.resolve(request.recipe);
    const time = request.context?.time ?? run.now();
    const order = request.order ?? 'site';
    // The neighbour scores feed both the model's columns and the `neighbours` strategy: computed once.
    const near = this.neighbours && neighbourScores(this.neighbours, run.state.profile.recent);
    const rows = featurize(request.items, run.state.profile, request.context ?? {}, time, {
      order,
      ...(near && { near }),
    });
    const ids = request.items.map((item) => item.id);
    const { profile, choices } = run.state;
    const modelScores = model.score(rows, ids.length);
    const scores = this.choices.scores(request.slot, ids, modelScores, profile, choices, order === 'site', time);
    this.training.examples.rememberServed(request.slot, ids, rows);
    const explain = request.explain ?? true;
    const candidates = candidatesFor(request.items, scores, run.state.profile, explain, near);
    const input: ApplyInput = {
      candidates,
      recipe,
      history: historyAt(run.state.profile, time),
      now: time,
      holdoutDraw,
      explain,
      order,
    };
    const ranking = applyRecipe(input);
    this.last.set(request.slot, { ranking, input, items: request.items, scores, near });
    return ranking;
  }

  /** Why an item got its place in the slot's last ranking; the reasons are worded now if rank() skipped them. */
  explain(run: EngineRun, slot: string, itemId: string): readonly Reason[] | undefined {
    const last = this.last.get(slot);
    if (!last) return undefined;
    if (!last.input.explain) {
      // Same input, same order: only the words are added (applyRecipe is pure).
      const candidates = candidatesFor(last.items, last.scores, run.state.profile, true, last.near);
      last.input = { ...last.input, candidates, explain: true };
      last.ranking = applyRecipe(last.input);
    }
    const found = [...last.ranking.items, ...last.ranking.removed].find((entry) => entry.item.id === itemId);
    return found?.reasons;
  }

  /** The items the slot's last ranking was asked about (impressions sent by id take their snapshots from it). */
  itemsOf(slot: string): readonly Item[] | undefined {
    return this.last.get(slot)?.items;
  }

  clear(): void {
    this.last.clear();
    this.choices.clear();
  }
}

/**
 * The recipe's candidates, built in one pass: with `explain`, each carries the words of its personal
 * reasons; with the site's neighbour table, its neighbour score (the `neighbours` strategy reads it).
 */
function candidatesFor(
  items: readonly Item[],
  scores: Float32Array,
  profile: Profile,
  explain: boolean,
  near: NeighbourScores | undefined,
): Candidate[] {
  const perCategory = explain ? engagedPerCategory(profile) : undefined;
  return items.map((item, index) => ({
    item,
    originalIndex: index,
    personal: scores[index]!,
    ...(perCategory && { personalReasons: personalReasons(item, profile, perCategory) }),
    ...(near && { neighbour: near.ofRecent.get(item.id) ?? 0 }),
  }));
}
