// The speed fixture as plain JSON for the browser bench: real rees46 products and one visitor's events.
// Kept in sync with bench/speed/catalog.ts by reading the same file the same way (no quoted fields).
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function loadFixtureJson() {
  const dir = [process.env.INKLING_DATASETS, resolve(process.cwd(), '..', 'shared', 'datasets'), '/work/shared/datasets'].find((d) => d && existsSync(d));
  if (!dir) throw new Error('datasets not found: set INKLING_DATASETS');
  const lines = readFileSync(`${dir}/rees46-oct2019-head/2019-Oct.csv`, 'utf8').split('\n').slice(1).filter((line) => line.split(',').length === 9);
  const items = new Map();
  const byVisitor = new Map();
  for (const line of lines) {
    const [time, type, id, , code, brand, price, user] = line.split(',');
    const category = code || 'unknown';
    const item = items.get(id) ?? { id, category, tags: category.split('.'), ...(brand ? { brand } : {}), price: Number(price), popularity: 0 };
    item.popularity += 1;
    items.set(id, item);
    const events = byVisitor.get(user) ?? [];
    events.push({ id: `${user}:${events.length}`, type: type === 'cart' ? 'add_to_cart' : type === 'purchase' ? 'purchase' : 'view', itemId: id, time: Date.parse(time.replace(' UTC', 'Z')), item: { category, tags: item.tags, ...(brand ? { brand } : {}), price: item.price } });
    byVisitor.set(user, events);
  }
  const events = [...byVisitor.values()].sort((a, b) => b.length - a.length)[0];
  const catalog = [...items.values()];
  const all = Array.from({ length: 10000 }, (_, i) => (i < catalog.length ? catalog[i] : { ...catalog[i % catalog.length], id: `${catalog[i % catalog.length].id}#${i}` }));
  return { items: all, events, now: Math.max(...events.map((e) => e.time)) + 60000 };
}

/**
 * A long history for one visitor, from real rows: every event of the rees46 log (all its visitors, in
 * order) as one visitor's 80 days, each view preceded by a viewable impression of its item on the page
 * view that led to it, so that impressions are about half of the events (in real use they are most).
 */
export function loadLongHistoryJson(now) {
  const dir = [process.env.INKLING_DATASETS, resolve(process.cwd(), '..', 'shared', 'datasets'), '/work/shared/datasets'].find((d) => d && existsSync(d));
  const lines = readFileSync(`${dir}/rees46-oct2019-head/2019-Oct.csv`, 'utf8').split('\n').slice(1).filter((line) => line.split(',').length === 9);
  const span = 80 * 86_400_000;
  return lines.flatMap((line, n) => {
    const [, type, itemId, , code, brand, price] = line.split(',');
    const category = code || 'unknown';
    const item = { category, tags: category.split('.'), ...(brand ? { brand } : {}), price: Number(price) };
    const time = now - span + Math.floor((n / lines.length) * span);
    const event = { id: `long-${n}`, type: type === 'cart' ? 'add_to_cart' : type === 'purchase' ? 'purchase' : 'view', itemId, time, pageViewId: `pv-${n}`, item };
    return type === 'view' ? [{ ...event, id: `long-${n}-shown`, type: 'impression', time: time - 2000, itemListId: 'grid', index: n % 24 }, event] : [event];
  });
}
