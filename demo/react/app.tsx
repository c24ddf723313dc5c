import { useEffect, useState, type MouseEvent } from 'react';
import type { Inkling, Item } from '../../src/index.js';

/** A product or article as the React app knows it; the SDK reads only the `Item` fields. */
export interface DemoItem extends Item {
  readonly title: string;
  readonly href: string;
  readonly kicker: string;
  /** The class that tints the drawn image (`c-rrggbb`, from styles.css) and the glyph it draws. */
  readonly art: string;
  readonly glyph: string;
  /** The display price of a product (`$34.99`); articles have none. */
  readonly priceText?: string;
}

/** One route: a framework-owned list ranked through the API. */
export interface DemoRoute {
  readonly title: string;
  readonly slot: string;
  readonly items: readonly DemoItem[];
}

/** Everything the app renders, embedded in the page as JSON (the server rendered the same data). */
export interface AppData {
  readonly routes: Readonly<Record<string, DemoRoute>>;
}

/** How long a list may wait hidden for its order before it shows in the original order (the tag's default). */
const RANK_BUDGET_MS = 150;

interface AppProps {
  readonly data: AppData;
  readonly path: string;
  /** Absent while rendering on the server. */
  readonly inkling?: Inkling;
  readonly navigate?: (path: string) => void;
  /** Overrides the rank budget (tests on a loaded machine); default 150 ms. */
  readonly rankBudgetMs?: number;
}

/**
 * The React example: React renders the order itself. Inkling only answers `rank()`; it never touches
 * these DOM nodes (the lists are not `data-inkling-slot` containers).
 */
export function App({ data, path, inkling, navigate, rankBudgetMs = RANK_BUDGET_MS }: AppProps) {
  const paths = Object.keys(data.routes);
  const current = data.routes[path] ? path : paths[0]!;
  const route = data.routes[current]!;
  const go = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (!navigate || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <div className="react-demo">
      <nav className="cat-scroll" aria-label="Example routes">
        {paths.map((href) => (
          <a
            key={href}
            href={href}
            aria-current={href === current ? 'page' : undefined}
            onClick={(event) => go(event, href)}
          >
            {data.routes[href]!.title}
          </a>
        ))}
      </nav>
      <h1>{route.title}</h1>
      <RankedList key={route.slot} slot={route.slot} items={route.items} inkling={inkling} budgetMs={rankBudgetMs} />
    </div>
  );
}

/** What a list shows: pending (hidden, original order) until ranked or out of budget. */
interface ListState {
  readonly shown: readonly DemoItem[];
  readonly removed: readonly DemoItem[];
}

function RankedList({
  slot,
  items,
  inkling,
  budgetMs,
}: {
  slot: string;
  items: readonly DemoItem[];
  inkling?: Inkling;
  budgetMs: number;
}) {
  const [state, setState] = useState<ListState | null>(null);
  useEffect(() => {
    if (!inkling) return;
    let settled = false;
    const settle = (next: ListState) => {
      if (settled) return;
      settled = true;
      setState(next);
    };
    const timer = setTimeout(() => settle({ shown: items, removed: [] }), budgetMs);
    void inkling
      .rank(items, { slot, context: { pageType: 'react' } })
      .then((ranking) =>
        settle(
          ranking.fallback
            ? { shown: items, removed: [] }
            : { shown: ranking.items.map((entry) => entry.item), removed: ranking.removed.map((entry) => entry.item) },
        ),
      );
    return () => {
      settled = true;
      clearTimeout(timer);
    };
  }, [inkling, slot, items, budgetMs]);

  const track = (item: DemoItem, index: number) =>
    inkling?.track({
      type: 'click',
      itemId: item.id,
      itemListId: slot,
      index,
      item: { ...(item.category ? { category: item.category } : {}), ...(item.tags ? { tags: item.tags } : {}) },
    });
  // Removed items stay as invisible placeholders so that the list keeps its height (no layout shift).
  const rows = state
    ? [...state.shown.map((item) => [item, false] as const), ...state.removed.map((item) => [item, true] as const)]
    : items.map((item) => [item, false] as const);
  return (
    <ul
      className={`slot slot-grid react-list${state ? '' : ' is-pending'}`}
      aria-busy={state ? undefined : true}
      data-react-slot={slot}
    >
      {rows.map(([item, removed], index) => (
        <li
          key={item.id}
          className={removed ? 'tile react-tile is-removed' : 'tile react-tile'}
          data-id={item.id}
          data-category={item.category}
        >
          <div className={`art ${item.art}`}>
            <svg className="glyph" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              <use href={`#g-${item.glyph}`} />
            </svg>
          </div>
          <div className="tile-body">
            <p className="tile-kicker">{item.kicker}</p>
            <h3 className="tile-title">
              <a className="tile-link" href={item.href} onClick={() => track(item, index)}>
                {item.title}
              </a>
            </h3>
            {item.priceText ? (
              <p className="tile-meta">
                <span className="price">{item.priceText}</span>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
