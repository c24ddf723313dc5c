import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/engine.js';
import type { InklingEvent } from '../../../common/types.js';

describe('export() in memory mode', () => {
  it('lists each stored event once (issue 19: the memory store was read as both "this visit" and "earlier")', async () => {
    const engine = createEngine({ storage: 'memory', now: () => 1_000_000 });
    const events: InklingEvent[] = [
      { type: 'view', itemId: 'a', time: 999_000 },
      { type: 'click', itemId: 'b', time: 999_500 },
    ];
    await engine.ingest(events);
    const exported = await engine.export();
    expect(exported.events.map((e) => `${e.type}:${e.itemId}`)).toEqual(['view:a', 'click:b']);
    await engine.close();
  });
});

describe('export() profile', () => {
  it('shows one record per item: counts, last times, the page views it was shown in, its own taste weight', async () => {
    const NOW = 1_000_000;
    const engine = createEngine({ storage: 'memory', now: () => NOW });
    const shoe = { category: 'shoes' };
    await engine.ingest([
      { type: 'impression', itemId: 'a', time: 990_000, pageViewId: 'p1', itemListId: 'grid', item: shoe },
      { type: 'impression', itemId: 'a', time: 991_000, pageViewId: 'p1', itemListId: 'rail', item: shoe },
      { type: 'click', itemId: 'a', time: 992_000, pageViewId: 'p1', item: shoe },
      { type: 'purchase', itemId: 'a', time: 995_000, item: shoe },
      { type: 'dismiss', itemId: 'b', time: 996_000 },
    ]);
    const { profile } = (await engine.export()) as { profile: { items: Record<string, unknown> } };
    expect(profile.items).toEqual({
      a: {
        views: 0,
        clicks: 1,
        carts: 0,
        purchases: 1,
        impressions: 2,
        dismissals: 0,
        lastEngaged: 995_000,
        lastPurchase: 995_000,
        // One page view: shown once, at its first impression.
        shown: [990_000],
        affinity: { value: expect.closeTo(6, 3), time: 995_000 },
        snapshot: shoe,
      },
      b: {
        views: 0,
        clicks: 0,
        carts: 0,
        purchases: 0,
        impressions: 0,
        dismissals: 1,
        dismissedAt: 996_000,
        shown: [],
        affinity: { value: -2, time: 996_000 },
      },
    });
    // Plain JSON: what a visitor downloads is what the engine holds.
    expect(JSON.parse(JSON.stringify(profile.items))).toEqual(profile.items);
    await engine.close();
  });
});
