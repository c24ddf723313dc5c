import type { Item, StrategyName, SlotOrder } from '../../common/types.js';
import { formatNumber, formatSpan } from './explain.js';
import type { TasteSummary } from '../state/taste-summary.js';
import { rankNormalize } from './normalize.js';
import { similarScores } from './similar.js';

/** What a strategy needs to know about one candidate. */
export interface StrategyInput {
  readonly item: Item;
  readonly originalIndex: number;
  /** Model score in [0, 1]. */
  readonly personal: number;
  /** Co-engagement with the visitor's latest items in the site's neighbour table; absent without a table. */
  readonly neighbour?: number;
}

/** One strategy's view of the list: rank-normalized scores in [0, 1] and words for each item. */
export interface StrategyScores {
  readonly name: StrategyName;
  readonly normalized: Float64Array;
  describe(index: number): string;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Raw values, missing signals as -Infinity so that they rank below every present one. */
function rawValues(
  candidates: readonly StrategyInput[],
  pick: (candidate: StrategyInput) => number | undefined,
): Float64Array {
  const raw = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) raw[i] = pick(candidates[i] as StrategyInput) ?? -Infinity;
  return raw;
}

/** The model score, clamped to [0, 1]; anything unusable counts as the neutral 0.5. */
export function personalScore(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}

/**
 * The ranks of page order without a sort, when the original indexes are exactly 0..n-1 (the usual case);
 * the same values `rankNormalize` would give.
 */
function pageOrderRanks(candidates: readonly StrategyInput[]): Float64Array | undefined {
  const count = candidates.length;
  const seen = new Uint8Array(count);
  const normalized = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const index = (candidates[i] as StrategyInput).originalIndex;
    if (!Number.isInteger(index) || index < 0 || index >= count || seen[index] === 1) return undefined;
    seen[index] = 1;
    normalized[i] = (count - index - 0.5) / count;
  }
  return normalized;
}

/** Scores every candidate with one strategy. */
export function scoreStrategy(
  name: StrategyName,
  candidates: readonly StrategyInput[],
  taste: TasteSummary,
  now: number,
  order?: SlotOrder,
): StrategyScores {
  switch (name) {
    case 'personal': {
      // Ranks, like every other strategy: a probability that moves little between items (0.51 against
      // 0.50) entered as is would be swamped by a rank-normalized strategy with a twentieth of the say.
      // The model itself starts from the page's order, so its order is the one to blend.
      const normalized = rankNormalize(rawValues(candidates, (c) => personalScore(c.personal)));
      return {
        name,
        normalized,
        describe: (i) => `taste model score ${formatNumber(personalScore((candidates[i] as StrategyInput).personal))}`,
      };
    }
    case 'neighbours': {
      // Items without a neighbour score tie at the bottom; with no table every item ties and the strategy has no say.
      const normalized = rankNormalize(rawValues(candidates, (c) => finite(c.neighbour)));
      return {
        name,
        normalized,
        describe(i) {
          const value = finite((candidates[i] as StrategyInput).neighbour);
          return value === undefined || value === 0
            ? 'not a neighbour of your latest items'
            : `engaged with together with your latest items in the site's sessions (score ${formatNumber(value)})`;
        },
      };
    }
    case 'trending': {
      const normalized = rankNormalize(rawValues(candidates, (c) => finite(c.item.popularity)));
      return {
        name,
        normalized,
        describe(i) {
          const popularity = finite((candidates[i] as StrategyInput).item.popularity);
          if (popularity === undefined) return 'no popularity data';
          return `popularity ${formatNumber(popularity)} (percentile ${Math.round((normalized[i] as number) * 100)} in this list)`;
        },
      };
    }
    case 'recent': {
      const normalized = rankNormalize(rawValues(candidates, (c) => finite(c.item.publishedAt)));
      return {
        name,
        normalized,
        describe(i) {
          const published = finite((candidates[i] as StrategyInput).item.publishedAt);
          if (published === undefined) return 'no publication date';
          return published > now
            ? `published in ${formatSpan(published - now)}`
            : `published ${formatSpan(now - published)} ago`;
        },
      };
    }
    case 'similar': {
      const similar = similarScores(
        candidates.map((c) => c.item),
        taste,
      );
      return { name, normalized: rankNormalize(similar.raw), describe: (i) => similar.describe(i) };
    }
    case 'original': {
      if (order === 'none') {
        return {
          name,
          normalized: new Float64Array(candidates.length).fill(0.5),
          describe: () => 'the page order carries no meaning here',
        };
      }
      const normalized = pageOrderRanks(candidates) ?? rankNormalize(rawValues(candidates, (c) => -c.originalIndex));
      return {
        name,
        normalized,
        describe: (i) => `page position ${(candidates[i] as StrategyInput).originalIndex + 1}`,
      };
    }
  }
}
