import type { InklingOptions } from './inkling.js';
import { ATTRIBUTE_PREFIX, DEBUG_ATTRIBUTE, PANEL_ATTRIBUTE } from '../common/markup.js';
import type { Recipe } from '../common/types.js';

/** What the script tag reads: the API's options plus the page integration's. */
export interface TagOptions extends InklingOptions {
  /** How long a returning visitor's slot may wait hidden for its order. Default 150 ms. */
  readonly rankBudgetMs?: number;
  /** CSS selector of the container for the visitor panel ("Personalized on this device"); off when unset. */
  readonly panel?: string;
  /** Draws each item's score and reasons on the page (also: `?inkling-debug` in the URL). */
  readonly debug?: boolean;
}

/**
 * Options from `window.InklingConfig`, overridden by the tag's own `data-inkling-*` attributes:
 * `worker`, `mode`, `consent`, `retention-days`, `recipes` (id of a JSON script), `rank-budget`,
 * `panel` (selector; empty means `#inkling-panel-root`) and `debug`.
 */
export function readTagOptions(script: HTMLScriptElement | null, doc: Document = document): TagOptions {
  const data = (name: string) => script?.getAttribute(ATTRIBUTE_PREFIX + name) || undefined;
  const number = (name: string) => Number(data(name)) || undefined;
  const recipes = data('recipes') && doc.getElementById(data('recipes')!)?.textContent;
  const panel = script?.getAttribute(PANEL_ATTRIBUTE);
  const picked: Record<string, unknown> = {
    workerUrl: data('worker') && new URL(data('worker')!, doc.baseURI),
    mode: data('mode'),
    consent: data('consent'),
    retentionDays: number('retention-days'),
    recipes: recipes && (JSON.parse(recipes) as Record<string, Recipe>),
    rankBudgetMs: number('rank-budget'),
    panel: panel === '' ? '#inkling-panel-root' : panel,
    debug: script?.hasAttribute(DEBUG_ATTRIBUTE) || /[?&]inkling-debug\b/.test(location.search) || undefined,
  };
  const options: Record<string, unknown> = { ...(window as { InklingConfig?: TagOptions }).InklingConfig };
  for (const key in picked) if (picked[key] != null) options[key] = picked[key];
  return options as TagOptions;
}
