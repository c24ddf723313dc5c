import type { InklingEvent, Item, RankContext } from '../../src/types.js';

/** The visitor as the hand-written ranker keeps it: plain maps. */
export interface HandWrittenVisitor {
  readonly __handWritten?: never;
}
export const FEATURES: number;
export function visitorFrom(events: readonly InklingEvent[]): HandWrittenVisitor;
export function handWrittenRows(items: readonly Item[], visitor: HandWrittenVisitor, context: RankContext, now: number, rows?: Float32Array): Float32Array;
export function handWrittenRank(items: readonly Item[], visitor: HandWrittenVisitor, context: RankContext, now: number, weights: Float32Array, bias: number): Uint32Array;
