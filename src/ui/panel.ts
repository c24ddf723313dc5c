import { PAUSED_KEY } from '../../common/storage-keys.js';
import type { Inkling } from '../inkling.js';
import type { VisitorExport } from '../../common/protocol.js';
import { h, shadowWithStyles, topEntries } from './dom.js';

/** Options for the visitor panel. */
export interface PanelOptions {
  /** localStorage key that remembers "paused" across page views (the script tag reads it at start). */
  readonly pausedKey?: string;
}

const CSS = `
:host{display:block;font:14px/1.45 system-ui,sans-serif;color:#1f2933}
section{border:1px solid #cbd2d9;border-radius:10px;padding:14px 16px;margin:16px 0;background:#fff}
h2{font-size:16px;margin:0 0 4px}
p{margin:4px 0}.muted{color:#52606d}
ul{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:8px 0;padding:0}
li{background:#e6f4ea;color:#0f5132;border-radius:999px;padding:2px 10px}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:10px}
button{font:inherit;border:1px solid #0f5132;background:#fff;color:#0f5132;border-radius:6px;padding:5px 12px;cursor:pointer}
button.danger{border-color:#9b1c1c;color:#9b1c1c}
`;

/**
 * "Personalized on this device": what Inkling learned (top interests), what it stores, and the
 * visitor's controls: export (a JSON download made on the device), pause/resume and erase.
 * Loaded as its own module; the script tag mounts it on `data-inkling-panel`.
 */
export function mountPanel(inkling: Inkling, root: Element, options: PanelOptions = {}): () => void {
  const pausedKey = options.pausedKey ?? PAUSED_KEY;
  const shadow = shadowWithStyles(root, CSS);
  const status = h('p', { class: 'muted', attrs: { 'data-panel-status': '' } });
  const interests = h('ul', { attrs: { 'aria-label': 'Top interests' } });
  const stored = h('p', { class: 'muted', attrs: { 'data-panel-stored': '' } });
  const pause = h('button', { attrs: { type: 'button', 'data-panel-pause': '' } });
  const exportButton = h('button', { text: 'Export my data', attrs: { type: 'button', 'data-panel-export': '' } });
  const erase = h('button', { class: 'danger', text: 'Erase everything', attrs: { type: 'button', 'data-panel-erase': '' } });
  shadow.replaceChildren(
    h('section', { attrs: { 'aria-labelledby': 'inkling-panel-title' } },
      h('h2', { text: 'Personalized on this device', attrs: { id: 'inkling-panel-title' } }),
      status,
      h('p', { text: 'What it has learned about your interests:' }),
      interests,
      stored,
      h('div', { class: 'actions' }, exportButton, pause, erase)),
  );

  let closed = false;
  const refresh = async () => {
    const data = await inkling.export();
    if (closed) return;
    render(data);
  };
  const render = (data: VisitorExport) => {
    const paused = readPaused(pausedKey);
    status.textContent = paused ? 'Paused: nothing is recorded and pages keep their usual order.' : statusText(inkling.mode);
    pause.textContent = paused ? 'Resume' : 'Pause';
    const profile = (data.profile ?? {}) as Record<string, unknown>;
    const top = [...topEntries(profile.categories, 3), ...topEntries(profile.tags, 3), ...topEntries(profile.brands, 2)];
    interests.replaceChildren(...(top.length > 0 ? top.map(([name]) => h('li', { text: name })) : [h('li', { text: 'nothing yet' })]));
    const weights = data.model ? Object.values(data.model.weights).reduce((sum, list) => sum + list.length, 0) : 0;
    stored.textContent = `Stored in this browser only: ${data.events.length} interactions, a profile of ${top.length === 0 ? 'no' : 'a few'} interests and a ${weights}-number model. Nothing is sent anywhere.`;
  };

  const on = (button: HTMLButtonElement, action: () => Promise<void> | void) =>
    button.addEventListener('click', () => {
      // Contained: a failing action shows in the console via Inkling's reporter, never as a page error.
      Promise.resolve().then(action).then(refresh).catch(() => undefined);
    });
  on(exportButton, async () => download(JSON.stringify(await inkling.export(), null, 2), 'inkling-export.json', root.ownerDocument));
  on(pause, () => {
    const paused = !readPaused(pausedKey);
    writePaused(pausedKey, paused);
    inkling.pause(paused);
  });
  on(erase, () => inkling.forget());
  const stopMode = inkling.on('mode', () => void refresh().catch(() => undefined));
  // An erase from another tab (or the site's own forget()) shows here at once.
  const stopForget = inkling.on('forget', () => void refresh().catch(() => undefined));
  const stop = () => (stopMode(), stopForget());
  void refresh().catch(() => undefined);
  return () => {
    closed = true;
    stop();
    shadow.replaceChildren();
  };
}

function statusText(mode: string): string {
  if (mode === 'full') return 'On: recommendations are computed in your browser from what you browse here.';
  if (mode === 'session') return 'Session only: learning for this visit, nothing is kept (your browser asks not to be tracked).';
  return 'Off: nothing is recorded.';
}

/** Saves a file from the device itself: a blob: URL, no request leaves the browser. */
function download(text: string, name: string, doc: Document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { attrs: { href: url, download: name } });
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function readPaused(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writePaused(key: string, paused: boolean): void {
  try {
    if (paused) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // Without storage the pause lasts for this page view only.
  }
}
