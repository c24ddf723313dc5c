import { FEATURE_COUNT, FEATURE_NAMES } from '../../worker/features.js';
import type { ModelWeights } from '../../worker/model/weights.js';
import { indexNeighbours } from '../../worker/site/neighbour-index.js';
import type { NeighbourTable } from '../../worker/site/neighbour-table.js';
import { FEATURE_INDEX } from './feature-index.js';
import { buildNeighbourTable } from './site/neighbour-build.js';
import { collectWhere, type FeatureList } from './train/collect.js';
import { fitListwise } from './train/fit.js';
import { toWeights } from './train/model.js';
import { HAND_SET, LOGISTIC } from './train/settings.js';
import type { FitOptions } from './train/fit.js';
import { medianListTime } from './datasets/replay.js';
import type { QualityDataset } from './types.js';

/** One dataset ready for leave-one-dataset-out fits: its fitting lists and the table scored lists see. */
export interface PreparedDataset {
  readonly dataset: QualityDataset;
  /** The table from everything before the split: what a site would ship for the `late` lists. */
  readonly table: NeighbourTable;
  /**
   * Lists that may teach a prior: those at or after the early split's own median time (`quarter`); an
   * early one is featurized with the table of the events before `quarter`, a late one with `table`, so
   * no list's neighbour features count the session that produced it.
   */
  readonly fitLists: FeatureList[];
  /** The fitting lists before the split: all a site-trained prior may see. */
  readonly earlyFitLists: FeatureList[];
  readonly quarter: number;
}

/** Builds both tables and featurizes the fitting lists of one dataset. */
export function prepare(dataset: QualityDataset): PreparedDataset {
  const early: number[] = [];
  for (const v of dataset.visitors)
    for (const s of v.steps) if (s.kind === 'rank' && s.task.split === 'early') early.push(s.task.context.time);
  const quarter = medianListTime(early);
  const table = buildNeighbourTable(dataset, dataset.splitTime);
  const trainIndex = indexNeighbours(buildNeighbourTable(dataset, quarter));
  const scoreIndex = indexNeighbours(table);
  const fitLists = collectWhere(
    dataset,
    (task) => task.context.time >= quarter,
    (task) => (task.split === 'early' ? trainIndex : scoreIndex),
  );
  return { dataset, table, fitLists, earlyFitLists: fitLists.filter((l) => l.time < dataset.splitTime), quarter };
}

/** The weights the fit never moves (train/settings.ts), by column. */
export function frozenColumns(): Map<number, number> {
  return new Map(
    Object.entries(HAND_SET).map(([name, value]) => [
      FEATURE_INDEX[name as keyof typeof FEATURE_INDEX],
      value as number,
    ]),
  );
}

/**
 * Fits the logistic prior on the given groups of lists (one group per dataset): each group's first 80 %
 * by time trains, its last 20 % picks the epoch. The settings are train/settings.ts's, unchanged for
 * every fit, so no constant is chosen on the dataset a fit leaves out.
 */
export function fitPrior(groups: readonly (readonly FeatureList[])[], settings: FitOptions = LOGISTIC): ModelWeights {
  const train: FeatureList[] = [];
  const validation: FeatureList[] = [];
  for (const lists of groups) {
    const cut = Math.floor(lists.length * 0.8);
    train.push(...lists.slice(0, cut));
    validation.push(...lists.slice(cut));
  }
  const frozen = frozenColumns();
  const result = fitListwise(train, validation, FEATURE_COUNT, { ...settings, frozen });
  return toWeights(result.model, FEATURE_NAMES, frozen);
}
