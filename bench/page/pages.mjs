// The page bench's pages: one shop page of 100 items in one slot, byte for byte the same except for what
// runs on it: nothing, the Inkling tag, or a hand-written reorder (the baseline for what any reordering
// after the first layout costs the browser).

const CATEGORIES = ['tents', 'packs', 'boots', 'jackets', 'stoves', 'lights', 'bags', 'poles', 'maps', 'food'];

/** The slot's item ids in page order. */
export const itemIds = (count) => Array.from({ length: count }, (_, i) => `sku-${i}`);

/**
 * @param {{ items: number, head: string }} options `head`: what runs on the page (see `inklingTag`, `byHandScript`).
 */
export function pageHtml({ items, head }) {
  const tiles = itemIds(items)
    .map((id, i) => {
      const category = CATEGORIES[i % CATEGORIES.length];
      return `<li data-inkling-item="${id}" data-inkling-category="${category}" data-inkling-tags="${category},t${i % 7}" data-inkling-brand="b${i % 9}" data-inkling-price="${20 + ((i * 37) % 300)}" data-inkling-popularity="${(i * 53) % 100}" data-inkling-published="2026-0${1 + (i % 9)}-1${i % 10}" data-inkling-title="Item ${i}"><a href="#${id}"><span class="img c${i % 10}"></span>Item ${i}<br>$${20 + ((i * 37) % 300)}</a></li>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>page bench</title>${head}
<style>body{margin:0;font:12px system-ui}ul{display:grid;grid-template-columns:repeat(12,1fr);gap:6px;list-style:none;margin:0;padding:6px}
li{height:96px;border:1px solid #ccc;border-radius:4px;overflow:hidden}a{display:block;height:100%;color:#222;text-decoration:none}
.img{display:block;height:48px}${CATEGORIES.map((_, i) => `.c${i}{background:hsl(${i * 36} 60% 70%)}`).join('')}</style></head>
<body data-inkling-page-type="home"><h1>Shop</h1><ul data-inkling-slot="grid">
${tiles}
</ul></body></html>`;
}

/** The documented snippet; `keepOrder`: a recipe with `holdout: 1` (ranked, revealed, tracked, never moved). */
export function inklingTag({ rankBudgetMs, keepOrder }) {
  const recipes = keepOrder ? ' data-inkling-recipes="bench-recipes"' : '';
  const recipesJson =
    recipes &&
    '<script type="application/json" id="bench-recipes">{"default":{"strategies":[{"use":"personal","weight":1}],"holdout":1}}</script>';
  return `${recipesJson}<script src="/dist/inkling.js" async blocking="render" data-inkling-rank-budget="${rankBudgetMs}"${recipes}></script>`;
}

/**
 * The least a page can do to show the slot in `order` as Inkling does, written by hand: the slot hidden
 * by the same kind of rule until it is marked settled, then, `delayMs` after DOMContentLoaded (when
 * Inkling's ranking arrives), the fewest possible `insertBefore` calls, worked out in advance, and the
 * mark. No tracking, no engine, no reading of attributes.
 */
export function byHandScript({ original, order, delayMs }) {
  const moves = fewestMoves(original, order);
  return `<style>[data-inkling-slot]:not([data-inkling-state]){visibility:hidden!important}</style><script>
addEventListener('DOMContentLoaded', () => setTimeout(() => {
  const slot = document.querySelector('[data-inkling-slot]');
  const tiles = new Map([...slot.children].map((tile) => [tile.getAttribute('data-inkling-item'), tile]));
  for (const [id, before] of ${JSON.stringify(moves)}) slot.insertBefore(tiles.get(id), before === null ? null : tiles.get(before));
  slot.setAttribute('data-inkling-state', 'personalized');
}, ${Math.round(delayMs)}));
</script>`;
}

/**
 * The second floor: the same reorder by hand, plus what any SDK that tracks impressions must do beyond
 * it, written as plainly as can be: a worker started at once (as Inkling starts its own), one
 * IntersectionObserver over the slot's tiles once their order is final, the tiles that came into view
 * together timed by one clock (half in view for one continuous second, tab visible, once per tile), and
 * each group handed to the worker in one message as events like Inkling's, which the worker stores in
 * IndexedDB in one transaction (`BY_HAND_WORKER`). No engine, no reading of items' attributes.
 */
export function byHandTrackedScript({ original, order, delayMs }) {
  const moves = fewestMoves(original, order);
  return `<style>[data-inkling-slot]:not([data-inkling-state]){visibility:hidden!important}</style><script>
const worker = new Worker('/by-hand-worker.js');
const pageViewId = (window.benchPageViewId = crypto.randomUUID());
let eventCount = 0;
addEventListener('DOMContentLoaded', () => setTimeout(() => {
  const slot = document.querySelector('[data-inkling-slot]');
  const tiles = new Map([...slot.children].map((tile) => [tile.getAttribute('data-inkling-item'), tile]));
  for (const [id, before] of ${JSON.stringify(moves)}) slot.insertBefore(tiles.get(id), before === null ? null : tiles.get(before));
  slot.setAttribute('data-inkling-state', 'personalized');
  const clocks = new Map();
  const observer = new IntersectionObserver((entries) => {
    const clock = {};
    for (const { target, intersectionRatio } of entries)
      intersectionRatio >= 0.5 ? clocks.has(target) || clocks.set(target, clock) : clocks.delete(target);
    setTimeout(() => {
      if (document.visibilityState !== 'visible') return;
      const events = [];
      for (const [tile, started] of clocks) {
        if (started !== clock) continue;
        observer.unobserve(tile);
        clocks.set(tile, null);
        events.push({ id: pageViewId + ':' + eventCount++, pageViewId, type: 'impression',
          itemId: tile.getAttribute('data-inkling-item'), itemListId: 'grid', index: places.get(tile), time: Date.now() });
      }
      if (events.length) worker.postMessage(events);
    }, 1000);
  }, { threshold: 0.5 });
  const places = new Map([...slot.children].map((tile, index) => [tile, index]));
  for (const tile of slot.children) observer.observe(tile);
}, ${Math.round(delayMs)}));
</script>`;
}

/** The second floor's worker: stores each message's events in IndexedDB (database `by-hand`) in one transaction. */
export const BY_HAND_WORKER = `const database = new Promise((resolve, reject) => {
  const open = indexedDB.open('by-hand', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('events', { keyPath: 'id' });
  open.onsuccess = () => resolve(open.result);
  open.onerror = () => reject(open.error);
});
onmessage = async ({ data }) => {
  const store = (await database).transaction('events', 'readwrite').objectStore('events');
  for (const event of data) store.put(event);
};
`;

/**
 * `[id, id it goes before (null: the end)]` moves that turn `original` into `order`: the items of a
 * longest run already in order stay, the others are inserted from the end backwards, as
 * `src/slots/apply-order.ts` does (O(n²) here: a bench page of 100 items).
 */
export function fewestMoves(original, order) {
  const position = new Map(original.map((id, i) => [id, i]));
  const at = order.map((id) => position.get(id));
  const length = at.map(() => 1);
  const previous = at.map(() => -1);
  for (let i = 0; i < at.length; i++)
    for (let j = 0; j < i; j++)
      if (at[j] < at[i] && length[j] + 1 > length[i]) [length[i], previous[i]] = [length[j] + 1, j];
  const stays = new Set();
  for (let i = length.indexOf(Math.max(0, ...length)); i >= 0; i = previous[i]) stays.add(i);
  const moves = [];
  for (let i = order.length - 1; i >= 0; i--) if (!stays.has(i)) moves.push([order[i], order[i + 1] ?? null]);
  return moves;
}
