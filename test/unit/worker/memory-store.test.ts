import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../worker/store/memory-store.js';
import type { InklingEvent } from '../../../common/types.js';

const click = (time: number, id?: string): InklingEvent => ({
  ...(id === undefined ? {} : { id }),
  type: 'click',
  itemId: `item-${time}`,
  time,
});

describe('memory store', () => {
  it('reads an event appended twice once, oldest first, as the IndexedDB store does', async () => {
    const store = createMemoryStore();
    await store.append([click(20, 'b'), click(10, 'a')]);
    await store.append([click(10, 'a'), click(30, 'c')]);
    expect((await store.events()).map((event) => event.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps events without an id apart: nothing says they are copies', async () => {
    const store = createMemoryStore();
    await store.append([click(1), click(2)]);
    await store.append([click(1)]);
    expect((await store.events()).map((event) => event.time)).toEqual([1, 1, 2]);
  });
});
