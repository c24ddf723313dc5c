import { describe, expect, it } from 'vitest';
import type { InklingEvent } from '../../../common/types.js';
import { createProfile, foldEvent } from '../../../worker/state/profile.js';
import { engagedPerCategory, personalReasons } from '../../../worker/personal-reasons.js';

const NOW = Date.UTC(2026, 11, 1);
const at = (type: InklingEvent['type'], minutesAgo: number): InklingEvent => ({
  type,
  itemId: 'sku-1',
  time: NOW - minutesAgo * 60_000,
  item: { category: 'tents' },
});

/** The "you viewed this…" reason for sku-1 after `events`. */
function viewedReason(events: readonly InklingEvent[]): string | undefined {
  const profile = createProfile();
  for (const event of events) foldEvent(profile, event);
  const reasons = personalReasons({ id: 'sku-1', category: 'tents' }, profile, engagedPerCategory(profile));
  return reasons.find((reason) => reason.text.startsWith('you viewed this'))?.text;
}

describe('personalReasons', () => {
  it('counts a click on a tile and the product page it opens as one view', () => {
    expect(viewedReason([at('click', 10), at('view', 10)])).toBe('you viewed this once');
  });

  it('counts two visits of the product page as two, however they were reached', () => {
    expect(viewedReason([at('click', 30), at('view', 30), at('view', 5)])).toBe('you viewed this 2 times');
    expect(viewedReason([at('click', 30), at('view', 30), at('click', 5), at('view', 5)])).toBe(
      'you viewed this 2 times',
    );
  });

  it('says nothing of views the visitor never made', () => {
    expect(viewedReason([at('impression', 5)])).toBeUndefined();
  });
});
