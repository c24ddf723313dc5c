import { FEATURE_COUNT, featurize } from '../../../worker/features.js';
import { createProfile, foldEvent } from '../../../worker/state/profile.js';
import type { QualityDataset, Split } from '../types.js';

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
  const lists: FeatureList[] = [];
  for (const visitor of dataset.visitors) {
    const profile = createProfile();
    for (const s of visitor.steps) {
      if (s.kind === 'event') {
        foldEvent(profile, s.event);
        continue;
      }
      if (s.task.split !== split) continue;
      const { items, context, target } = s.task;
      const rows = featurize(items, profile, context, context.time);
      lists.push({ rows, count: items.length, target: items.findIndex((i) => i.id === target), time: context.time });
    }
  }
  if (lists.some((l) => l.rows.length !== l.count * FEATURE_COUNT)) throw new Error('feature rows have the wrong width');
  return lists.sort((a, b) => a.time - b.time);
}
