import { FEATURE_COUNT, featurize } from '../../../worker/features.js';
import { createProfile, foldEvent } from '../../../worker/state/profile.js';
import { withKnownSnapshot } from '../../../worker/state/visitor-state.js';
import type { NeighbourIndex } from '../../../worker/site/neighbour-index.js';
import type { QualityDataset, RankTask, Split } from '../types.js';

/** One ranked list as the engine would featurize it: rows of `FEATURE_COUNT`, and which row was chosen. */
export interface FeatureList {
  readonly rows: Float32Array;
  readonly count: number;
  readonly target: number;
  readonly time: number;
}

/**
 * Replays each visitor through the engine's own profile and feature code (the same calls the engine
 * makes in `ingest` and `rank`) and keeps the featurized lists of one split. Events of the other split
 * still shape the profile, exactly as they would in the engine; their lists are simply not kept.
 */
export function collectLists(dataset: QualityDataset, split: Split): FeatureList[] {
  return collectWhere(dataset, (task) => task.split === split);
}

/**
 * The same for the lists `keep` accepts, each featurized with the neighbour index `neighboursFor`
 * returns for it (none by default): the site's table as it stood before the list.
 */
export function collectWhere(
  dataset: QualityDataset,
  keep: (task: RankTask) => boolean,
  neighboursFor: (task: RankTask) => NeighbourIndex | undefined = () => undefined,
): FeatureList[] {
  const lists: FeatureList[] = [];
  for (const visitor of dataset.visitors) {
    const profile = createProfile();
    for (const s of visitor.steps) {
      if (s.kind === 'event') {
        // As the engine folds it (`foldEvents`): an event without its item counts with the item's known snapshot.
        foldEvent(profile, withKnownSnapshot(profile, s.event));
        continue;
      }
      if (!keep(s.task)) continue;
      const { items, context, target } = s.task;
      const neighbours = neighboursFor(s.task);
      const rows = featurize(items, profile, context, context.time, {
        order: context.order ?? 'site',
        ...(neighbours && { neighbours }),
      });
      lists.push({ rows, count: items.length, target: items.findIndex((i) => i.id === target), time: context.time });
    }
  }
  if (lists.some((l) => l.rows.length !== l.count * FEATURE_COUNT))
    throw new Error('feature rows have the wrong width');
  return lists.sort((a, b) => a.time - b.time);
}
