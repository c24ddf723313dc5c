// The speed fixture as plain JSON for the browser bench: real rees46 products and one visitor's events.
// Kept in sync with bench/speed/catalog.ts by reading the same file the same way (no quoted fields).
import { readFileSync } from 'node:fs';
import { requireDatasetsDir } from '../datasets-dir.mjs';

/** The rees46 log's rows, split into fields (this file has no quoted fields). */
function rees46Rows() {
  const dir = requireDatasetsDir();
  return readFileSync(`${dir}/rees46-oct2019-head/2019-Oct.csv`, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((fields) => fields.length === 9);
}

const eventType = (type) => (type === 'cart' ? 'add_to_cart' : type === 'purchase' ? 'purchase' : 'view');
const snapshotOf = (code, brand, price) => {
  const category = code || 'unknown';
  return { category, tags: category.split('.'), ...(brand ? { brand } : {}), price: Number(price) };
};

export function loadFixtureJson() {
  const items = new Map();
  const byVisitor = new Map();
  for (const [time, type, id, , code, brand, price, user] of rees46Rows()) {
    const item = items.get(id) ?? { id, ...snapshotOf(code, brand, price), popularity: 0 };
    item.popularity += 1;
    items.set(id, item);
    const events = byVisitor.get(user) ?? [];
    const { category, tags } = item;
    events.push({
      id: `${user}:${events.length}`,
      type: eventType(type),
      itemId: id,
      time: Date.parse(time.replace(' UTC', 'Z')),
      item: { category, tags, ...(item.brand ? { brand: item.brand } : {}), price: item.price },
    });
    byVisitor.set(user, events);
  }
  const events = [...byVisitor.values()].sort((a, b) => b.length - a.length)[0];
  const catalog = [...items.values()];
  const all = Array.from({ length: 10000 }, (_, i) =>
    i < catalog.length ? catalog[i] : { ...catalog[i % catalog.length], id: `${catalog[i % catalog.length].id}#${i}` },
  );
  return { items: all, events, now: Math.max(...events.map((e) => e.time)) + 60000 };
}

/**
 * A long history for one visitor, from real rows: every event of the rees46 log (all its visitors, in
 * order) as one visitor's 80 days, each view preceded by a viewable impression of its item on the page
 * view that led to it, so that impressions are about half of the events (in real use they are most).
 */
export function loadLongHistoryJson(now) {
  const rows = rees46Rows();
  const span = 80 * 86_400_000;
  return rows.flatMap(([, type, itemId, , code, brand, price], n) => {
    const time = now - span + Math.floor((n / rows.length) * span);
    const event = {
      id: `long-${n}`,
      type: eventType(type),
      itemId,
      time,
      pageViewId: `pv-${n}`,
      item: snapshotOf(code, brand, price),
    };
    return type === 'view'
      ? [
          { ...event, id: `long-${n}-shown`, type: 'impression', time: time - 2000, itemListId: 'grid', index: n % 24 },
          event,
        ]
      : [event];
  });
}
