import { FEATURE_INDEX } from '../../../worker/features.js';
import { requireDatasetsDir } from '../datasets/paths.js';
import { loadRees46 } from '../datasets/rees46.js';
import { loadTaobao } from '../datasets/taobao.js';
import { loadTrivago } from '../datasets/trivago.js';
import type { QualityDataset } from '../types.js';
import type { FeatureList } from './collect.js';
import { HAND_SET } from './settings.js';

/** The early split's lists, cut for fitting: the same cut for every script that tunes (never the late split). */
export interface EarlySplit {
  readonly train: FeatureList[];
  /** Trivago's training lists: the calibration set of `fitListwise`. */
  readonly calibration: FeatureList[];
  readonly validation: FeatureList[];
  /** Each dataset's validation lists, by name, for per-dataset figures. */
  readonly perDataset: [string, FeatureList[]][];
  /** The hand-set weights (train/settings.ts) by feature index, which fitting must not move. */
  readonly frozen: Map<number, number>;
}

/** Loads the three datasets, turns each into lists with `collect`, and cuts the first 80% for training. */
export function earlySplit(collect: (dataset: QualityDataset) => FeatureList[]): EarlySplit {
  const dir = requireDatasetsDir();
  const split: EarlySplit = { train: [], calibration: [], validation: [], perDataset: [], frozen: new Map() };
  for (const [index, dataset] of [loadTrivago(dir), loadRees46(dir), loadTaobao(dir)].entries()) {
    const lists = collect(dataset);
    const cut = Math.floor(lists.length * 0.8);
    split.train.push(...lists.slice(0, cut));
    if (index === 0) split.calibration.push(...lists.slice(0, cut));
    split.validation.push(...lists.slice(cut));
    split.perDataset.push([dataset.name, lists.slice(cut)]);
  }
  for (const [name, value] of Object.entries(HAND_SET)) split.frozen.set(FEATURE_INDEX[name as keyof typeof FEATURE_INDEX], value as number);
  return split;
}
