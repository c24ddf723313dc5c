import type { InklingEvent, Item } from '../../../common/types.js';
import { type Candidate, type VisitorHistory, buildHistory, validateRecipe } from '../../../worker/recipe/index.js';
import type { Recipe } from '../../../common/types.js';

export const NOW = Date.UTC(2026, 10, 23, 12);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Candidates in page order, with a neutral model score unless given. */
export function candidatesOf(items: readonly Item[], personal: readonly number[] = []): Candidate[] {
  return items.map((item, originalIndex) => ({ item, originalIndex, personal: personal[originalIndex] ?? 0.5 }));
}

/** An event at `agoMs` before NOW. */
export function event(
  type: InklingEvent['type'],
  itemId: string,
  agoMs: number,
  extra: Partial<InklingEvent> = {},
): InklingEvent {
  return { type, itemId, time: NOW - agoMs, ...extra };
}

/** Shorthand: a validated recipe. */
export function recipe(input: unknown): Recipe {
  return validateRecipe(input);
}

/** Shorthand: a history at NOW. */
export function historyOf(events: readonly InklingEvent[] = []): VisitorHistory {
  return buildHistory(events, NOW);
}

/** Ids in order. */
export function ids(list: readonly { item: Item }[]): string[] {
  return list.map((entry) => entry.item.id);
}
