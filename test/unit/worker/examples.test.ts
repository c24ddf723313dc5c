import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, featurize } from '../../../worker/features.js';
import { ExampleCollector } from '../../../worker/model/examples.js';
import { createProfile } from '../../../worker/state/profile.js';

describe('on-device examples carry their list (issue 19)', () => {
  it('a click with no impression before it trains on the row its list was served with', () => {
    const profile = createProfile();
    const items = [
      { id: 'a', popularity: 3 },
      { id: 'b', popularity: 300 },
      { id: 'c', popularity: 30 },
    ];
    // order 'none': baseOrder is popularity's order in the list, which only the whole list can say.
    const rows = featurize(items, profile, { time: 0 }, 0, { order: 'none' });
    const collector = new ExampleCollector();
    collector.rememberServed(
      'grid',
      items.map((i) => i.id),
      rows,
    );
    collector.observe({ type: 'click', itemId: 'c', time: 1, itemListId: 'grid', index: 2 }, profile);
    const batch = collector.take(8);
    expect(batch.count).toBe(1);
    expect(Array.from(batch.rows)).toEqual(Array.from(rows.slice(2 * FEATURE_COUNT, 3 * FEATURE_COUNT)));
  });
});
