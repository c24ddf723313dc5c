import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InklingEvent, Item, RankContext } from '../../../common/types.js';
import { FEATURE_COUNT, FEATURE_NAMES, featurize, type FeaturizeOptions } from '../../../worker/features.js';
import { indexNeighbours } from '../../../worker/site/neighbour-index.js';
import { tableFromSessions } from '../../../bench/quality/site/neighbour-build.js';
import { createProfile, foldEvent, type Profile } from '../../../worker/state/profile.js';
import { itemsFor, loadSpeedFixture } from '../../../bench/speed/catalog.js';
import { REFERENCE_FEATURE_COUNT, referenceFeaturize } from './features-reference.js';

/**
 * The prior was learned on these exact features: any rewrite of featurize (for speed) must give the
 * same values, row by row, as the frozen reference copy, within 1e-6 (NaN where the reference has NaN).
 */
function expectSameRows(
  items: readonly Item[],
  profile: Profile,
  context: RankContext,
  now: number,
  positions?: readonly number[],
  extra: Omit<FeaturizeOptions, 'positions'> = {},
): void {
  const options = { ...(positions && { positions }), ...extra };
  const actual = featurize(items, profile, context, now, options);
  const expected = referenceFeaturize(items, profile, context, now, options);
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k]!;
    const e = expected[k]!;
    if (Number.isNaN(e) ? Number.isNaN(a) : Math.abs(a - e) <= 1e-6) continue;
    const item = items[Math.floor(k / FEATURE_COUNT)]!;
    expect.fail(
      `item ${item.id} (row ${Math.floor(k / FEATURE_COUNT)}), ${FEATURE_NAMES[k % FEATURE_COUNT]}: ${a} instead of ${e}`,
    );
  }
}

/** A seeded generator, so that the realistic scene below is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 23, 18, 37);
const CATEGORIES = ['shoes', 'shoes.trail', 'jackets', 'bags', 'socks', 'tents', 'stoves', ''];
const TAGS = ['trail', 'waterproof', 'light', 'sale', 'kids', 'winter', 'new'];
const BRANDS = ['acme', 'north', 'peak', 'ridge', ''];
const TYPES: InklingEvent['type'][] = [
  'impression',
  'impression',
  'impression',
  'view',
  'view',
  'click',
  'add_to_cart',
  'purchase',
  'dismiss',
];

/** A catalog with the awkward cases real pages have: missing fields, empty tags, free or odd prices, repeated ids. */
function catalog(count: number, next: () => number): Item[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  return Array.from({ length: count }, (_, i): Item => {
    const category = pick(CATEGORIES);
    const brand = pick(BRANDS);
    const roll = next();
    const price =
      roll < 0.1
        ? undefined
        : roll < 0.13
          ? 0
          : roll < 0.15
            ? -3
            : Math.round(5 + next() * 400) / (roll < 0.5 ? 1 : 100);
    const tagRoll = next();
    return {
      // A few ids repeat: a page can list the same item twice.
      id: i > 0 && next() < 0.03 ? `sku-${i - 1}` : `sku-${i}`,
      ...(category ? { category } : {}),
      ...(tagRoll < 0.2 ? {} : { tags: tagRoll < 0.25 ? [] : TAGS.filter(() => next() < 0.3) }),
      ...(brand ? { brand } : {}),
      ...(price === undefined ? {} : { price }),
      ...(next() < 0.2 ? {} : { popularity: Math.floor(next() * 1000) }),
    };
  });
}

/** A visitor's history over 60 days, denser in the last hour, some of it on items not in the list. */
function history(items: readonly Item[], count: number, next: () => number): InklingEvent[] {
  const events: InklingEvent[] = [];
  for (let i = 0; i < count; i++) {
    const item =
      next() < 0.8
        ? items[Math.floor(next() * Math.min(items.length, 120))]!
        : { id: `gone-${i % 17}`, category: 'tents', tags: ['winter'], price: 120 };
    const ago = next() < 0.3 ? next() * 3600 * 1000 : next() * 60 * DAY;
    const { id: itemId, category, tags, brand, price } = item;
    events.push({
      id: `e${i}`,
      type: TYPES[Math.floor(next() * TYPES.length)]!,
      itemId,
      // Some events come slightly from the future (clock skew): decay must clamp.
      time: NOW - ago + (next() < 0.02 ? 30_000 : 0),
      ...(next() < 0.9
        ? {
            item: {
              ...(category ? { category } : {}),
              ...(tags ? { tags } : {}),
              ...(brand ? { brand } : {}),
              ...(price === undefined ? {} : { price }),
            },
          }
        : {}),
    });
  }
  return events.sort((a, b) => a.time - b.time);
}

function profileOf(events: readonly InklingEvent[]): Profile {
  const profile = createProfile();
  for (const event of events) foldEvent(profile, event);
  return profile;
}

describe('featurize keeps the features the prior was learned on', () => {
  it('has the same feature count as the reference', () => {
    expect(FEATURE_COUNT).toBe(REFERENCE_FEATURE_COUNT);
  });

  const next = random(42);
  const items = catalog(600, next);
  const profile = profileOf(history(items, 900, next));
  const contexts: RankContext[] = [
    { time: NOW },
    { time: NOW, device: 'mobile', pageType: 'product' },
    { device: 'tablet', pageType: 'home' },
    { time: NOW - 3 * DAY - 5 * 3600 * 1000, device: 'desktop' },
  ];

  it('on a realistic visitor and catalog, in several contexts', () => {
    for (const context of contexts) expectSameRows(items, profile, context, context.time ?? NOW);
  });

  it('at other times: right after the last event, a day later, a month later', () => {
    for (const now of [NOW, NOW + 1000, NOW + DAY, NOW + 30 * DAY]) expectSameRows(items, profile, {}, now);
  });

  it('with explicit positions (a shuffled order, and one item as training examples use it)', () => {
    const positions = items.map((_, i) => (i * 37) % items.length);
    expectSameRows(items, profile, { time: NOW }, NOW, positions);
    for (const index of [0, 3, 7, 40, 99]) expectSameRows([items[index]!], profile, { time: NOW }, NOW, [index]);
    expectSameRows(
      items.slice(0, 30),
      profile,
      { time: NOW },
      NOW,
      Array.from({ length: 10 }, (_, i) => i * 2),
    );
  });

  it('when the slot says its order means nothing (popularity takes the place of position)', () => {
    for (const context of contexts)
      expectSameRows(items, profile, context, context.time ?? NOW, undefined, { order: 'none' });
    expectSameRows(
      items,
      profile,
      { time: NOW },
      NOW,
      items.map((_, i) => (i * 37) % items.length),
      { order: 'none' },
    );
  });

  it('with a neighbour table', () => {
    const ids = items.map((item) => item.id);
    const sessions = Array.from({ length: 300 }, (_, s) =>
      Array.from(new Set(Array.from({ length: 6 }, (_, j) => ids[(s * 7 + j * j * 13) % 150]!))),
    );
    const neighbours = indexNeighbours(tableFromSessions(sessions, { minCount: 2, k: 20 }));
    expectSameRows(items, profile, { time: NOW }, NOW, undefined, { neighbours });
    expectSameRows(items, profile, { time: NOW }, NOW, undefined, { neighbours, order: 'none' });
  });

  it('for an empty visitor, an empty list and a list the visitor never touched', () => {
    expectSameRows(items, createProfile(), { time: NOW }, NOW);
    expectSameRows([], profile, { time: NOW }, NOW);
    expectSameRows(
      catalog(50, random(7)).map((item) => ({ ...item, id: `fresh-${item.id}` })),
      profile,
      { time: NOW },
      NOW,
    );
  });

  it('on random visitors and lists', () => {
    const itemArb = fc.record(
      {
        id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
        category: fc.constantFrom('x', 'y', 'z', ''),
        tags: fc.array(fc.constantFrom('t1', 't2', 't3', ''), { maxLength: 3 }),
        brand: fc.constantFrom('p', 'q', ''),
        price: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1000, noNaN: true })),
        popularity: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 })),
      },
      { requiredKeys: ['id'] },
    );
    const eventArb = fc.record({
      type: fc.constantFrom<InklingEvent['type']>('impression', 'view', 'click', 'add_to_cart', 'purchase', 'dismiss'),
      item: itemArb,
      ago: fc.integer({ min: -60_000, max: 40 * DAY }),
      snapshot: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 12 }),
        fc.array(eventArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 2 * DAY }),
        (list, drawn, later) => {
          const events = drawn
            .map(({ type, item, ago, snapshot }): InklingEvent => {
              const { id, ...attributes } = item;
              return { type, itemId: id, time: NOW - ago, ...(snapshot ? { item: attributes } : {}) };
            })
            .sort((a, b) => a.time - b.time);
          expectSameRows(list, profileOf(events), { time: NOW + later }, NOW + later);
        },
      ),
      { numRuns: 300 },
    );
  });

  const datasets = [process.env.INKLING_DATASETS, join(process.cwd(), '..', 'shared', 'datasets')].find(
    (dir) => dir && existsSync(join(dir, 'rees46-oct2019-head')),
  );
  it.skipIf(!datasets)('on the speed bench fixture (real rees46 products and visitor), 1,000 items', () => {
    const fixture = loadSpeedFixture();
    const now = Math.max(...fixture.events.map((event) => event.time)) + 60_000;
    expectSameRows(itemsFor(fixture, 1_000), profileOf(fixture.events), { time: now }, now);
  });
});
