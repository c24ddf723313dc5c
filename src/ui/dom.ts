/**
 * DOM helpers for the lazily loaded UI. Built with createElement and textContent only: no innerHTML
 * (a Trusted Types sink) and no style attributes (blocked by a strict `style-src`); styles live in a
 * constructed sheet inside a shadow root, so the site's CSS and ours never meet.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A shadow root on `host` with `css` adopted as a constructed style sheet. */
export function shadowWithStyles(host: Element, css: string): ShadowRoot {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
  return shadow;
}

/** The numbers a profile map holds, whether plain numbers or decayed `{ value }` records. */
export function topEntries(map: unknown, count: number): [string, number][] {
  if (!map || typeof map !== 'object') return [];
  return Object.entries(map as Record<string, unknown>)
    .map(([key, raw]): [string, number] => [
      key,
      typeof raw === 'number' ? raw : Number((raw as { value?: unknown } | null)?.value ?? 0),
    ])
    .filter(([, value]) => Number.isFinite(value) && value > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}
