import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbStore } from '../../../worker/store/idb-store.js';
import type { InklingEvent } from '../../../src/types.js';

let counter = 0;
const fresh = () => openIdbStore({ name: `test-${counter++}` });
const event = (id: string, time: number): InklingEvent => ({ id, type: 'click', itemId: `item-${id}`, time });

describe('IndexedDB store', () => {
  it('appends batches and reads them back oldest first', async () => {
    const store = await fresh();
    await store.append([event('b', 20), event('a', 10)]);
    await store.append([event('c', 30)]);
    expect((await store.events()).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect((await store.events(15)).map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('keeps an event written twice exactly once', async () => {
    const store = await fresh();
    await store.append([event('a', 10)]);
    await store.append([event('a', 10), event('b', 11)]);
    expect(await store.events()).toHaveLength(2);
  });

  it('purges events older than the cut-off and says how many', async () => {
    const store = await fresh();
    await store.append([event('a', 10), event('b', 20), event('c', 30)]);
    expect(await store.purge(25)).toBe(2);
    expect((await store.events()).map((e) => e.id)).toEqual(['c']);
  });

  it('keeps values and erases everything on clear', async () => {
    const store = await fresh();
    await store.putValue('weights', { w: [1, 2] });
    await store.append([event('a', 10)]);
    expect(await store.getValue('weights')).toEqual({ w: [1, 2] });
    await store.clear();
    expect(await store.events()).toEqual([]);
    expect(await store.getValue('weights')).toBeUndefined();
  });
});
