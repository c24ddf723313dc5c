import { PAUSED_KEY } from '../../common/storage-keys.js';
import type { Inkling } from '../inkling.js';
import type { VisitorExport } from '../../common/protocol.js';
import { TAB_CHANNEL, type TabMessage } from '../consent-sync.js';
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
  const erase = h('button', {
    class: 'danger',
    text: 'Erase everything',
    attrs: { type: 'button', 'data-panel-erase': '' },
  });
  shadow.replaceChildren(
    h(
      'section',
      { attrs: { 'aria-labelledby': 'inkling-panel-title' } },
      h('h2', { text: 'Personalized on this device', attrs: { id: 'inkling-panel-title' } }),
      status,
      h('p', { text: 'What it has learned about your interests:' }),
      interests,
      stored,
      h('div', { class: 'actions' }, exportButton, pause, erase),
    ),
  );

  let closed = false;
  const refresh = async () => {
    const data = await inkling.export();
    if (!closed) render(data);
  };
  const render = (data: VisitorExport) => {
    const paused = readPaused(pausedKey);
    status.textContent = paused
      ? 'Paused: nothing is recorded and pages keep their usual order.'
      : statusText(inkling.mode);
    pause.textContent = paused ? 'Resume' : 'Pause';
    const top = interestsOf(data);
    const count = data.events.length;
    // Paused, the engine does not read the stored history, so an empty list would misstate what is kept.
    const none = paused && count > 0 ? 'not read while paused' : 'nothing yet';
    const names = top.length > 0 ? top.map(([name]) => name) : [none];
    interests.replaceChildren(...names.map((name) => h('li', { text: name })));
    stored.textContent = storedText(data, count, top.length, paused);
  };
  // Erased in another tab: that tab's engine and this one's empty the same storage; show it once done here.
  // Until then an export may mix the two (no events, the old interests): shown only if it never settles.
  const erasedElsewhere = async () => {
    for (let attempt = 1; !closed; attempt++) {
      const data = await inkling.export();
      const settled = data.events.length === 0 && interestsOf(data).length === 0;
      if (closed) return;
      if (settled || attempt === 10) return render(data);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const channel = listen((message) => {
    if ('forget' in message) void erasedElsewhere().catch(() => undefined);
  });

  const on = (button: HTMLButtonElement, action: () => Promise<void> | void) =>
    button.addEventListener('click', () => {
      // Contained: a failing action shows in the console via Inkling's reporter, never as a page error.
      Promise.resolve()
        .then(action)
        .then(refresh)
        .catch(() => undefined);
    });
  on(exportButton, async () =>
    download(JSON.stringify(await inkling.export(), null, 2), 'inkling-export.json', root.ownerDocument),
  );
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
    channel?.close();
    shadow.replaceChildren();
  };
}

/** The visitor's top categories, tags and brands. */
function interestsOf(data: VisitorExport): [string, number][] {
  const profile = (data.profile ?? {}) as Record<string, unknown>;
  return [...topEntries(profile.categories, 3), ...topEntries(profile.tags, 3), ...topEntries(profile.brands, 2)];
}

/** What the browser holds, in words: nothing at all after an erase; the model only when it learned from something. */
function storedText(data: VisitorExport, count: number, interests: number, paused: boolean): string {
  if (count === 0) return 'Nothing about you is stored in this browser.';
  const interactions = `${count} interaction${count === 1 ? '' : 's'}`;
  if (paused) {
    return `Stored in this browser only: ${interactions}, kept but not used while paused. Nothing is sent anywhere.`;
  }
  const weights = data.model ? Object.values(data.model.weights).reduce((sum, list) => sum + list.length, 0) : 0;
  const model = weights > 0 ? ` and a ${weights}-number model fitted to them` : '';
  const profile = interests > 0 ? 'a profile of a few interests' : 'no profile of interests yet';
  return `Stored in this browser only: ${interactions}, ${profile}${model}. Nothing is sent anywhere.`;
}

/** Messages from the site's other tabs (none where BroadcastChannel is missing). */
function listen(onMessage: (message: TabMessage) => void): BroadcastChannel | undefined {
  try {
    const channel = new BroadcastChannel(TAB_CHANNEL);
    channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
    return channel;
  } catch {
    return undefined;
  }
}

function statusText(mode: string): string {
  if (mode === 'full') return 'On: recommendations are computed in your browser from what you browse here.';
  if (mode === 'session')
    return 'Session only: learning for this visit, nothing is kept (your browser asks not to be tracked).';
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
