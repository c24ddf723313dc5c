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

/** What the tag read: its options (not yet checked) and, if the recipes' JSON could not be read, why. */
export interface TagRead {
  readonly options: TagOptions;
  readonly recipesError?: Error;
}

/**
 * Options from `window.InklingConfig`, overridden by the tag's own `data-inkling-*` attributes:
 * `worker`, `mode`, `consent`, `retention-days`, `recipes` (id of a JSON script), `rank-budget`,
 * `panel` (selector; empty means `#inkling-panel-root`), `model` and `neighbours` (URLs of the site's
 * files from `npx inkling train`) and `debug`. Never throws: recipes that cannot be read come back as
 * `recipesError` (the slots then keep their order; everything else runs).
 */
export function readTagOptions(script: HTMLScriptElement | null, doc: Document = document): TagRead {
  const data = (name: string) => script?.getAttribute(ATTRIBUTE_PREFIX + name) || undefined;
  // Not `|| undefined`: a number that does not read must reach the check, which names it.
  const number = (name: string) => (data(name) ? Number(data(name)) : undefined);
  const recipesId = data('recipes');
  let recipes: Record<string, Recipe> | undefined;
  let recipesError: Error | undefined;
  if (recipesId) {
    const json = doc.getElementById(recipesId)?.textContent;
    try {
      if (json == null) throw new Error('no such element');
      recipes = JSON.parse(json) as Record<string, Recipe>;
    } catch (error) {
      recipesError = new Error(`#${recipesId} is not valid JSON (${(error as Error).message}); slots keep their order`);
    }
  }
  const panel = script?.getAttribute(PANEL_ATTRIBUTE);
  const picked: Record<string, unknown> = {
    workerUrl: data('worker') && new URL(data('worker')!, doc.baseURI),
    mode: data('mode'),
    consent: data('consent'),
    retentionDays: number('retention-days'),
    recipes,
    rankBudgetMs: number('rank-budget'),
    panel: panel === '' ? '#inkling-panel-root' : panel,
    model: data('model'),
    neighbours: data('neighbours'),
    debug: script?.hasAttribute(DEBUG_ATTRIBUTE) || /[?&]inkling-debug\b/.test(location.search) || undefined,
  };
  const options: Record<string, unknown> = { ...(window as { InklingConfig?: TagOptions }).InklingConfig };
  for (const key in picked) if (picked[key] != null) options[key] = picked[key];
  return { options: options as TagOptions, recipesError };
}
