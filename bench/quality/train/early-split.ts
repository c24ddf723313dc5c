import { FEATURE_INDEX } from '../feature-index.js';
import { requireDatasetsDir } from '../../datasets-dir.mjs';
import { loadRees46 } from '../datasets/rees46.js';
import { loadTaobao } from '../datasets/taobao.js';
import { loadTrivago } from '../datasets/trivago.js';
import type { QualityDataset } from '../types.js';
import type { FeatureList } from './collect.js';
import { HAND_SET, TRIVAGO_ONLY_HAND_SET } from './settings.js';

/** One dataset's early lists, cut: the first 80 % train, the last 20 % validate. */
export interface DatasetSplit {
  readonly name: string;
  readonly train: FeatureList[];
  readonly validation: FeatureList[];
}

/** The early split's lists, cut for fitting: the same cut for every script that tunes (never the late split). */
export interface EarlySplit {
  readonly train: FeatureList[];
  /**
   * Trivago's training lists, the calibration set of `fitListwise`: the bias is calibrated on lists a
   * site really showed, about 23 items with one click, the situation the engine's own labels (clicked vs
   * seen) reproduce. The rees46/taobao candidate sets hold hundreds of items by construction, so their
   * click rate says nothing about a site's; calibrating on them pulled the bias from -7 to -11 and made
   * the model's probabilities too small to outweigh the page order in the default recipe.
   */
  readonly calibration: FeatureList[];
  readonly validation: FeatureList[];
  /** Each dataset's cut, trivago first. */
  readonly perDataset: DatasetSplit[];
  /**
   * The hand-set weights (train/settings.ts) by feature index, which fitting must not move: on trivago
   * alone, also the ones it has no signal for.
   */
  readonly frozen: Map<number, number>;
}

export interface EarlySplitOptions {
  /** Trivago alone instead of all three datasets (and `TRIVAGO_ONLY_HAND_SET` frozen). */
  readonly trivagoOnly?: boolean;
}

/** Loads the datasets, turns each into lists with `collect`, and cuts each one's first 80 % for training. */
export function earlySplit(
  collect: (dataset: QualityDataset) => FeatureList[],
  options: EarlySplitOptions = {},
): EarlySplit {
  const dir = requireDatasetsDir();
  const datasets = options.trivagoOnly ? [loadTrivago(dir)] : [loadTrivago(dir), loadRees46(dir), loadTaobao(dir)];
  const perDataset = datasets.map((dataset): DatasetSplit => {
    const lists = collect(dataset);
    const cut = Math.floor(lists.length * 0.8);
    return { name: dataset.name, train: lists.slice(0, cut), validation: lists.slice(cut) };
  });
  const handSet = options.trivagoOnly ? TRIVAGO_ONLY_HAND_SET : HAND_SET;
  return {
    train: perDataset.flatMap((dataset) => dataset.train),
    calibration: perDataset[0]!.train,
    validation: perDataset.flatMap((dataset) => dataset.validation),
    perDataset,
    frozen: new Map(
      Object.entries(handSet).map(([name, value]) => [
        FEATURE_INDEX[name as keyof typeof FEATURE_INDEX],
        value as number,
      ]),
    ),
  };
}
