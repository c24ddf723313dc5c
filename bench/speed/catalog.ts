import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InklingEvent, Item } from '../../common/types.js';
import { requireDatasetsDir } from '../datasets-dir.mjs';

/** Real products and one real visitor's events from rees46-oct2019-head, to rank at realistic shapes. */
export interface SpeedFixture {
  readonly items: Item[];
  readonly events: InklingEvent[];
}

/**
 * Products (category, brand, price, a popularity count) from the log; the history is the events of its
 * most active visitor, with every item snapshot, so that affinities, caps and rules have work to do.
 */
export function loadSpeedFixture(): SpeedFixture {
  const text = readFileSync(join(requireDatasetsDir(), 'rees46-oct2019-head', '2019-Oct.csv'), 'utf8');
  const lines = text
    .split('\n')
    .slice(1)
    .filter((line) => line.split(',').length === 9);
  const items = new Map<string, Item & { popularity: number }>();
  const byVisitor = new Map<string, InklingEvent[]>();
  for (const line of lines) {
    // This file has no quoted fields (checked: it contains no `"`), so a plain split is exact.
    const [time, type, productId, , categoryCode, brand, price, userId] = line.split(',') as string[];
    const id = productId!;
    const category = categoryCode || 'unknown';
    const item = items.get(id) ?? {
      id,
      category,
      tags: category.split('.'),
      ...(brand ? { brand } : {}),
      price: Number(price),
      popularity: 0,
    };
    item.popularity += 1;
    items.set(id, item);
    const eventType = type === 'cart' ? 'add_to_cart' : type === 'purchase' ? 'purchase' : 'view';
    const events = byVisitor.get(userId!) ?? [];
    events.push({
      id: `${userId}:${events.length}`,
      type: eventType,
      itemId: id,
      time: Date.parse(time!.replace(' UTC', 'Z')),
      item: { category, tags: item.tags, ...(brand ? { brand } : {}), price: item.price },
    });
    byVisitor.set(userId!, events);
  }
  const busiest = [...byVisitor.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return { items: [...items.values()], events: busiest };
}

/** `count` items, cycling through the catalog with fresh ids when it is smaller than `count`. */
export function itemsFor(fixture: SpeedFixture, count: number): Item[] {
  return Array.from({ length: count }, (_, i) => {
    const item = fixture.items[i % fixture.items.length]!;
    return i < fixture.items.length ? item : { ...item, id: `${item.id}#${Math.floor(i / fixture.items.length)}` };
  });
}
