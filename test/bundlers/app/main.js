// A site's own app, as a new user writes it: `createInkling` from the installed package, a list
// ranked and rendered, clicks tracked. The bundler tests drive it through `window.app`.
import { createInkling } from 'inkling';

const products = [
  { id: 's1', category: 'shoes', price: 80 },
  { id: 't1', category: 'tents', price: 250 },
  { id: 's2', category: 'shoes', price: 95 },
  { id: 'j1', category: 'jackets', price: 120 },
  { id: 't2', category: 'tents', price: 310 },
  { id: 's3', category: 'shoes', price: 60 },
  { id: 'j2', category: 'jackets', price: 140 },
  { id: 't3', category: 'tents', price: 199 },
];
const warnings = [];
const inkling = createInkling({ mode: 'full', onError: (error) => warnings.push(error.message) });
const list = document.getElementById('list');

async function render() {
  const ranking = await inkling.rank(products, { slot: 'home' });
  list.replaceChildren(
    ...ranking.items.map(({ item }, index) => {
      const row = document.createElement('li');
      row.dataset.id = item.id;
      row.textContent = `${item.category} ${item.id}`;
      row.addEventListener('click', () => inkling.track({ type: 'click', itemId: item.id, itemListId: 'home', index }));
      return row;
    }),
  );
  return { ids: ranking.items.map(({ item }) => item.id), fallback: ranking.fallback ?? false };
}

window.app = { inkling, render, warnings };
render().then(() => document.body.setAttribute('data-ready', ''));
