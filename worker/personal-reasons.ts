import type { Item, Reason } from '../src/types.js';
import type { Profile } from './profile.js';

/** How many distinct items of each category the visitor engaged with (viewed, clicked, carted, bought). */
export function engagedPerCategory(profile: Profile): Map<string, number> {
  const counts = new Map<string, number>();
  for (const history of profile.items.values()) {
    const category = history.snapshot?.category;
    if (!category || history.views + history.clicks + history.carts + history.purchases === 0) continue;
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return counts;
}

/** The model's evidence in words: "you looked at 3 items in tents", "you viewed this twice". */
export function personalReasons(item: Item, profile: Profile, perCategory: Map<string, number>): Reason[] {
  const reasons: Reason[] = [];
  const inCategory = item.category ? perCategory.get(item.category) : undefined;
  if (inCategory) reasons.push({ kind: 'signal', source: 'personal', text: `you looked at ${inCategory} item${inCategory === 1 ? '' : 's'} in ${item.category}`, value: inCategory });
  const own = profile.items.get(item.id);
  const looks = own ? own.views + own.clicks : 0;
  if (looks > 0) reasons.push({ kind: 'signal', source: 'personal', text: `you viewed this ${looks === 1 ? 'once' : `${looks} times`}`, value: looks });
  return reasons;
}
