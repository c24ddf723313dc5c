// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Inkling } from '../../../src/inkling.js';
import type { InklingEvent } from '../../../common/types.js';
import type { VisitorExport } from '../../../common/protocol.js';
import { mountPanel } from '../../../src/ui/panel.js';

const click: InklingEvent = { type: 'click', itemId: 'sku-1', time: 1 };
const MODEL = { kind: 'logistic', weights: { w: [0.1, 0.2, 0.3], b: [0] } };
const TENTS = { categories: { tents: 2 }, tags: {}, brands: {} };

/** An Inkling whose export() answers `data()` (read at each call) and records nothing. */
function fakeInkling(data: () => VisitorExport): Inkling {
  const exported = vi.fn(async () => data());
  return {
    mode: 'full',
    export: exported,
    on: () => () => undefined,
    pause: () => undefined,
    forget: async () => undefined,
  } as unknown as Inkling;
}
const visitor = (events: readonly InklingEvent[], profile: unknown, model = MODEL): VisitorExport => ({
  exportedAt: 1,
  mode: 'full',
  events,
  profile,
  model,
});

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  localStorage.clear();
  document.body.replaceChildren();
});

/** Mounts the panel and waits for its text to satisfy `until`. */
async function panel(inkling: Inkling, until: RegExp): Promise<() => string> {
  const root = document.createElement('div');
  document.body.append(root);
  unmount = mountPanel(inkling, root);
  const text = () => root.shadowRoot?.textContent ?? '';
  await vi.waitFor(() => expect(text()).toMatch(until));
  return text;
}

describe('the visitor panel', () => {
  it('counts one interaction in the singular', async () => {
    const text = await panel(
      fakeInkling(() => visitor([click], TENTS)),
      /Stored/,
    );
    expect(text()).toContain(
      'Stored in this browser only: 1 interaction, a profile of a few interests and a 4-number model',
    );
  });

  it('mentions no model once everything is erased (the engine is back to the shipped prior)', async () => {
    const text = await panel(
      fakeInkling(() => visitor([], {})),
      /stored/,
    );
    expect(text()).toContain('Nothing about you is stored in this browser.');
    expect(text()).not.toMatch(/model|interactions/);
  });

  it('while paused, does not say it learned nothing from what it keeps', async () => {
    localStorage.setItem('inkling:paused', '1');
    const events = Array.from({ length: 60 }, (_, i) => ({ ...click, time: i }));
    const text = await panel(
      fakeInkling(() => visitor(events, {})),
      /Paused/,
    );
    expect(text()).not.toContain('nothing yet');
    expect(text()).toContain('not read while paused');
    expect(text()).toContain('60 interactions, kept but not used while paused');
  });

  it('refreshes when another tab erased everything', async () => {
    let events: InklingEvent[] = [click, click];
    const text = await panel(
      fakeInkling(() => visitor(events, TENTS)),
      /2 interactions/,
    );
    events = [];
    const otherTab = new BroadcastChannel('inkling');
    otherTab.postMessage({ forget: true });
    await vi.waitFor(() => expect(text()).toContain('Nothing about you is stored in this browser.'));
    otherTab.close();
  });
});
