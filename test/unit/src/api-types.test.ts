import { describe, expectTypeOf, it } from 'vitest';
import type { Inkling, Ranking, TrackInput } from '../../../src/index.js';

// Compile-time checks of the public types (tsc --noEmit runs over test/ in `npm test`).
describe('public API types', () => {
  it('rank() gives back the caller’s own item type', () => {
    interface Product {
      id: string;
      category: string;
      onSale: boolean;
    }
    type Result = Awaited<ReturnType<Inkling['rank']>>;
    expectTypeOf<Result>().toEqualTypeOf<Ranking>();
    // Only its type is read: the assertion below is on what rank() returns for the site's own type.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const rank = (inkling: Inkling, products: Product[]) => inkling.rank(products, { slot: 'grid' });
    expectTypeOf<Awaited<ReturnType<typeof rank>>['items'][number]['item']>().toEqualTypeOf<Product>();
  });

  it('track() accepts the documented events and refuses others', () => {
    expectTypeOf<{ type: 'click'; itemId: string }>().toMatchTypeOf<TrackInput>();
    expectTypeOf<{ type: 'purchase'; itemIds: string[]; value: number }>().toMatchTypeOf<TrackInput>();
    expectTypeOf<{ type: 'hover'; itemId: string }>().not.toMatchTypeOf<TrackInput>();
  });
});
