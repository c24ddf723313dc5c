import type { Item, PrivacyMode, RankedItem, Ranking, Reason } from '../src/types.js';
import type { Profile } from './profile.js';

/**
 * Orders items by model score, ties by the site's order, after removing what the visitor bought or
 * dismissed. The recipe engine (worker/recipe) replaces this with blended strategies and rules.
 */
export function orderItems(items: readonly Item[], scores: Float32Array, profile: Profile, mode: PrivacyMode): Ranking {
  const entries = items.map((item, index): RankedItem => ({
    item,
    originalIndex: index,
    score: mode === 'off' ? 0 : scores[index]!,
    reasons: [{ kind: 'strategy', source: 'personal', text: `model score ${scores[index]!.toFixed(3)}`, value: scores[index]! }],
  }));
  if (mode === 'off') return { items: entries, removed: [], group: 'personalized' };
  const removed: RankedItem[] = [];
  const kept: RankedItem[] = [];
  for (const entry of entries) {
    const history = profile.items.get(entry.item.id);
    const reason = history?.purchases ? 'you bought this' : history?.dismissals ? 'you said not interested' : undefined;
    if (reason) removed.push({ ...entry, reasons: [...entry.reasons, excluded(reason)] });
    else kept.push(entry);
  }
  kept.sort((a, b) => b.score - a.score || a.originalIndex - b.originalIndex);
  return { items: kept, removed, group: 'personalized' };
}

function excluded(text: string): Reason {
  return { kind: 'rule', source: 'exclude', text: `excluded: ${text}` };
}
