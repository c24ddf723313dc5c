import type { InklingEvent, Item, RankContext } from '../../common/types.js';
import type { ModelWeights } from '../../worker/model/weights.js';

/** The visitor as the hand-written ranker keeps it: plain maps. */
export interface HandWrittenVisitor {
  readonly __handWritten?: never;
}
export const FEATURES: number;
export function visitorFrom(events: readonly InklingEvent[]): HandWrittenVisitor;
export function handWrittenRows(
  items: readonly Item[],
  visitor: HandWrittenVisitor,
  context: RankContext,
  now: number,
  rows?: Float32Array,
): Float32Array;
/** Logits of `count` feature rows under `weights` (logistic, or one hidden ReLU layer). */
export type HandWrittenScore = (rows: Float32Array, count: number) => Float32Array;
export function handWrittenScorer(weights: ModelWeights): HandWrittenScore;
export function handWrittenRank(
  items: readonly Item[],
  visitor: HandWrittenVisitor,
  context: RankContext,
  now: number,
  score: HandWrittenScore,
): Uint32Array;
