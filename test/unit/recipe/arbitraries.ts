import fc from 'fast-check';
import type { InklingEvent, Item } from '../../../common/types.js';
import { DAY, MINUTE, NOW } from './helpers.js';

/** Ids come from a small pool so that histories, pins and duplicates hit the catalog often. */
export const idArb = fc.integer({ min: 0, max: 24 }).map((n) => `i${n}`);
const categoryArb = fc.constantFrom('shoes', 'socks', 'hats', 'bags');
const words = ['trail', 'runner', 'blue', 'red', 'wool', 'sock', 'pro', '2'];
const titleArb = fc.subarray(words, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const embeddingArb = fc.constantFrom([1, 0], [0.99, 0.05], [0, 1], [0.7, 0.7], [-1, 0]);

/** A random item; every optional field is sometimes missing. */
export const itemArb: fc.Arbitrary<Item> = fc.record(
  {
    id: idArb,
    category: categoryArb,
    tags: fc.subarray(['sale', 'new', 'eco']),
    brand: fc.constantFrom('acme', 'zeta'),
    price: fc.integer({ min: 0, max: 200 }),
    title: titleArb,
    popularity: fc.integer({ min: 0, max: 1000 }),
    publishedAt: fc.integer({ min: NOW - 60 * DAY, max: NOW }),
    inStock: fc.boolean(),
    repurchase: fc.constantFrom('1d', '7d', '90d', 'weekly'),
    embedding: embeddingArb,
    attributes: fc.record({ color: fc.constantFrom('red', 'blue') }),
  },
  { requiredKeys: ['id'] },
);

// Mostly recent, so that caps and rotation trigger often; some old, so that windows matter.
const agoArb = fc.oneof(
  fc.integer({ min: 0, max: 120 * MINUTE }),
  fc.integer({ min: 0, max: 120 * MINUTE }),
  fc.integer({ min: 0, max: 60 * DAY }),
);

/** A random event over the id pool, some with page views and snapshots. */
export const eventArb: fc.Arbitrary<InklingEvent> = fc
  .record(
    {
      type: fc.constantFrom(
        'impression',
        'impression',
        'impression',
        'click',
        'view',
        'add_to_cart',
        'purchase',
        'dismiss',
      ),
      itemId: idArb,
      ago: agoArb,
      pageViewId: fc.integer({ min: 0, max: 9 }).map((n) => `pv${n}`),
      item: fc.record(
        { category: categoryArb, tags: fc.subarray(['sale', 'new', 'eco']), brand: fc.constantFrom('acme', 'zeta') },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['type', 'itemId', 'ago'] },
  )
  .map(({ ago, ...rest }) => ({ ...rest, time: NOW - ago }) as InklingEvent);

const windowArb = fc.oneof(
  fc.constant(true),
  fc.constantFrom('1h', '1d', '30d').map((within) => ({ within })),
);
const filterArb = fc.oneof(
  fc.record({ inStock: fc.boolean() }),
  fc.record({ category: fc.oneof(categoryArb, fc.subarray(['shoes', 'socks', 'hats', 'bags'], { minLength: 1 })) }),
  fc
    .record({
      price: fc.record(
        { min: fc.integer({ min: 0, max: 100 }), max: fc.integer({ min: 100, max: 200 }) },
        { requiredKeys: [] },
      ),
    })
    .filter((f) => Object.keys(f.price).length > 0),
  fc.record({ brand: fc.constantFrom('acme', 'zeta'), tags: fc.constantFrom('sale', 'new') }),
  fc.record({ id: fc.array(idArb, { minLength: 1, maxLength: 3 }) }),
);
const strategyNames = ['personal', 'trending', 'recent', 'similar', 'original'] as const;

/** A random valid recipe as plain JSON (validated by the tests, which also exercises the validator). */
export const recipeJsonArb = fc.record(
  {
    strategies: fc
      .shuffledSubarray([...strategyNames], { minLength: 1 })
      .chain((names) =>
        fc.tuple(...names.map((use) => fc.record({ use: fc.constant(use), weight: fc.integer({ min: 1, max: 10 }) }))),
      ),
    exclude: fc.array(
      fc.oneof(
        windowArb.map((purchased) => ({ purchased })),
        windowArb.map((dismissed) => ({ dismissed })),
        filterArb.map((where) => ({ where })),
      ),
      { maxLength: 3 },
    ),
    cap: fc.record(
      {
        impressionsWithoutClick: fc.integer({ min: 1, max: 3 }),
        within: fc.constantFrom('30m', '1h', '1d', '30d'),
        mode: fc.constantFrom('drop', 'sink'),
      },
      { requiredKeys: ['impressionsWithoutClick', 'within'] },
    ),
    rotation: fc.record(
      { rate: fc.double({ min: 0, max: 1, noNaN: true }), within: fc.constantFrom('1h', '1d') },
      { requiredKeys: ['rate'] },
    ),
    boost: fc.array(
      fc.record({
        where: filterArb,
        by: fc.oneof(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: 1.05, max: 5, noNaN: true })),
      }),
      { maxLength: 3 },
    ),
    diversity: fc
      .record(
        {
          field: fc.constantFrom('category', 'brand', 'attributes.color'),
          maxPerTop: fc.record({ k: fc.integer({ min: 1, max: 12 }), max: fc.integer({ min: 1, max: 3 }) }),
          nearDuplicates: fc.record({
            k: fc.integer({ min: 2, max: 12 }),
            threshold: fc.double({ min: 0.3, max: 1, noNaN: true }),
          }),
        },
        { requiredKeys: [] },
      )
      .filter((d) => d.maxPerTop !== undefined || d.nearDuplicates !== undefined),
    pin: fc.dictionary(idArb, fc.integer({ min: 0, max: 35 }), { maxKeys: 4 }),
    holdout: fc.double({ min: 0, max: 0.2, noNaN: true }),
  },
  { requiredKeys: ['strategies'] },
);

/** A catalog as candidates: distinct original indexes, model scores in [0, 1]. */
export const catalogArb = fc.array(fc.tuple(itemArb, fc.double({ min: 0, max: 1, noNaN: true })), {
  maxLength: 30,
  size: 'max',
});
