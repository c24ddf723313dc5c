import type { Item } from '../../common/types.js';
import { formatNumber, plural } from './explain.js';
import type { EngagementVerb } from '../state/item-record.js';
import type { TasteSummary } from '../state/taste-summary.js';
import { cosine } from './rules/similarity.js';

/** Raw `similar` values with a way to explain each one. */
export interface SimilarScores {
  /** Attribute affinity (0..1) plus embedding cosine to the taste vector (0..1) when both exist. */
  readonly raw: Float64Array;
  describe(index: number): string;
}

// Category says most about taste, then tags, then brand; these shares sum to 1 so the attribute part stays in [0, 1].
const CATEGORY_SHARE = 0.5;
const TAG_SHARE = 0.3;
const BRAND_SHARE = 0.2;
const VERB_ORDER: readonly EngagementVerb[] = ['purchase', 'add_to_cart', 'view', 'click'];
const VERB_TEXT: Readonly<Record<EngagementVerb, (items: string, category: string) => string>> = {
  purchase: (items, category) => `you bought ${items} in ${category}`,
  add_to_cart: (items, category) => `you added ${items} in ${category} to the cart`,
  view: (items, category) => `you viewed ${items} in ${category}`,
  click: (items, category) => `you clicked ${items} in ${category}`,
};

/**
 * The taste vector: the weighted mean of the embeddings of engaged items that are in this list (event
 * snapshots carry no embeddings, so the page's own items are where they come from).
 */
function tasteVector(items: readonly Item[], summary: TasteSummary): Float64Array | undefined {
  let taste: Float64Array | undefined;
  for (const item of items) {
    const weight = summary.items.get(item.id);
    const embedding = item.embedding;
    if (weight === undefined || !Array.isArray(embedding) || embedding.length === 0) continue;
    if (taste === undefined) taste = new Float64Array(embedding.length);
    if (embedding.length !== taste.length) continue;
    for (let d = 0; d < taste.length; d++) taste[d] = (taste[d] as number) + weight * ((embedding[d] as number) || 0);
  }
  return taste;
}

function categoryText(item: Item, summary: TasteSummary): string | undefined {
  const affinity = item.category === undefined ? undefined : summary.categories.get(item.category);
  if (affinity === undefined) return undefined;
  let best: EngagementVerb = 'view';
  let bestCount = 0;
  for (const verb of VERB_ORDER) {
    const count = affinity.items.get(verb) ?? 0;
    if (count > bestCount) [best, bestCount] = [verb, count];
  }
  // A category known from a snapshot that has since changed: no item of it to count.
  if (bestCount === 0) return undefined;
  return VERB_TEXT[best](plural(bestCount, 'item'), item.category as string);
}

/** Scores each item by closeness to what the visitor engaged with lately. */
export function similarScores(items: readonly Item[], summary: TasteSummary): SimilarScores {
  const raw = new Float64Array(items.length);
  const cosines = new Float64Array(items.length);
  const total = summary.totalWeight;
  const taste = total > 0 ? tasteVector(items, summary) : undefined;
  for (let i = 0; i < items.length; i++) {
    if (total <= 0) break;
    const item = items[i] as Item;
    let score = 0;
    if (typeof item.category === 'string')
      score += CATEGORY_SHARE * ((summary.categories.get(item.category)?.weight ?? 0) / total);
    if (typeof item.brand === 'string') score += BRAND_SHARE * ((summary.brands.get(item.brand) ?? 0) / total);
    if (Array.isArray(item.tags)) {
      let best = 0;
      for (const tag of item.tags) best = Math.max(best, summary.tags.get(tag) ?? 0);
      score += TAG_SHARE * (best / total);
    }
    if (taste !== undefined && Array.isArray(item.embedding) && item.embedding.length === taste.length) {
      cosines[i] = Math.max(0, cosine(item.embedding, taste));
      score += cosines[i] as number;
    }
    raw[i] = score;
  }
  // A category's words depend on the category alone: built once per category rather than once per item.
  const categoryTexts = new Map<string, string | undefined>();
  return {
    raw,
    describe(index) {
      if (total <= 0) return 'no recent activity to compare with';
      const item = items[index] as Item;
      const parts: string[] = [];
      if (typeof item.category === 'string') {
        let text = categoryTexts.get(item.category);
        if (text === undefined && !categoryTexts.has(item.category))
          categoryTexts.set(item.category, (text = categoryText(item, summary)));
        if (text !== undefined) parts.push(text);
      }
      if (item.brand !== undefined && summary.brands.has(item.brand))
        parts.push('you engaged with brand ' + item.brand);
      const tag = Array.isArray(item.tags) ? item.tags.find((t) => summary.tags.has(t)) : undefined;
      if (tag !== undefined) parts.push('shares the tag ' + tag + ' with items you engaged with');
      if ((cosines[index] as number) > 0)
        parts.push(`close to items you engaged with (cosine ${formatNumber(cosines[index] as number)})`);
      return parts.length === 0 ? 'nothing in common with your recent activity' : parts.join('; ');
    },
  };
}
