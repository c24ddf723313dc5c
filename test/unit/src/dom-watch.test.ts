// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { watchDom } from '../../../src/tracker/dom-watch.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchDom', () => {
  it('hands over what the page adds, but not the moves made through quietly()', async () => {
    document.body.innerHTML = '<ul id="slot"><li id="a"></li><li id="b"></li><li id="c"></li></ul>';
    const seen: string[] = [];
    const quietly = watchDom(document, (elements) => seen.push(...elements.map((element) => element.id)), [
      'data-inkling-view',
    ]);
    const slot = document.getElementById('slot')!;
    // Added by the site just before Inkling reorders: still reported.
    slot.insertAdjacentHTML('beforeend', '<li id="new"></li>');
    quietly(() => {
      slot.insertBefore(document.getElementById('c')!, slot.firstChild);
      slot.insertBefore(document.getElementById('b')!, slot.firstChild);
    });
    await settle();
    expect(seen).toEqual(['new']);
    // Watching again after the moves.
    slot.insertAdjacentHTML('beforeend', '<li id="later"></li>');
    await settle();
    expect(seen).toEqual(['new', 'later']);
    expect([...slot.children].map((child) => child.id)).toEqual(['b', 'c', 'a', 'new', 'later']);
  });

  it('keeps watching when the moves throw', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const seen: string[] = [];
    const quietly = watchDom(document, (elements) => seen.push(...elements.map((element) => element.id)), []);
    expect(() =>
      quietly(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    document.getElementById('root')!.insertAdjacentHTML('beforeend', '<p id="after"></p>');
    await settle();
    expect(seen).toEqual(['after']);
  });
});

describe('the main thread bundles', () => {
  // V8 compiles every function of a script with this hint, so that its code cache holds them all: without
  // it, a returning visitor's page compiled ~65 functions lazily (~4 ms a view, bench/page.mjs).
  it.skipIf(!existsSync('dist/inkling.js'))('start with the compile hint (tag and tracking module)', () => {
    for (const file of ['dist/inkling.js', 'dist/inkling-track.js'])
      expect(readFileSync(file, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
  });
});
