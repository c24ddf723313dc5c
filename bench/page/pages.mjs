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
