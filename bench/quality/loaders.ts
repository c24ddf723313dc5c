import { loadDiginetica } from './datasets/diginetica.js';
import { loadOtto } from './datasets/otto.js';
import { loadRees46 } from './datasets/rees46.js';
import { loadTaobao } from './datasets/taobao.js';
import { loadTrivago } from './datasets/trivago.js';
import type { QualityDataset } from './types.js';

/** Every shared dataset the quality bench scores, by short name, in report order. */
export const LOADERS: Readonly<Record<string, (dir: string) => QualityDataset>> = {
  trivago: loadTrivago,
  rees46: loadRees46,
  taobao: loadTaobao,
  otto: loadOtto,
  diginetica: loadDiginetica,
};
