import { describe, expect, it } from 'vitest';
import type { ChoiceRanks, InklingEvent } from '../../../common/types.js';
import {
  chooseOrder,
  foldChoice,
  restoreChoiceEvidence,
  saveChoiceEvidence,
  type ChoiceEvidence,
} from '../../../worker/state/choice-evidence.js';

const chose = (evidence: ChoiceEvidence, choice: ChoiceRanks, time = 1) =>
  foldChoice(evidence, { type: 'click', itemId: 'x', time, choice } satisfies InklingEvent);

describe('the per-slot choice check: which order the visitor’s own choices favour', () => {
  it('keeps the model without evidence, and on a single choice however lopsided', () => {
    const evidence: ChoiceEvidence = new Map();
    expect(chooseOrder(evidence, 'grid', true)).toBe('model');
    chose(evidence, { slot: 'grid', model: 40, recent: 0, site: 0 });
    expect(chooseOrder(evidence, 'grid', true)).toBe('model');
  });

  it('gives recent-first to a visitor whose choices keep matching it, in that slot only', () => {
    const evidence: ChoiceEvidence = new Map();
    for (let n = 0; n < 4; n++) chose(evidence, { slot: 'grid', model: 5 + n, recent: n % 2, site: 12 });
    expect(chooseOrder(evidence, 'grid', true)).toBe('recent');
    expect(chooseOrder(evidence, 'rail', true)).toBe('model');
  });

  it('keeps the model for a visitor whose choices match it, and on evidence that points both ways', () => {
    const matching: ChoiceEvidence = new Map();
    for (let n = 0; n < 6; n++) chose(matching, { slot: 'grid', model: 0, recent: 3 + n, site: 7 });
    expect(chooseOrder(matching, 'grid', true)).toBe('model');
    const mixed: ChoiceEvidence = new Map();
    for (let n = 0; n < 6; n++) chose(mixed, { slot: 'grid', model: n % 2 ? 0 : 9, recent: n % 2 ? 9 : 0 });
    expect(chooseOrder(mixed, 'grid', true)).toBe('model');
  });

  it('gives the site’s order back only where the slot’s order means something', () => {
    const evidence: ChoiceEvidence = new Map();
    for (let n = 0; n < 4; n++) chose(evidence, { slot: 'grid', model: 8, recent: 8, site: 0 });
    expect(chooseOrder(evidence, 'grid', true)).toBe('site');
    expect(chooseOrder(evidence, 'grid', false)).toBe('model');
  });

  it('skips a damaged choice and survives a save and restore', () => {
    const evidence: ChoiceEvidence = new Map();
    foldChoice(evidence, { type: 'view', itemId: 'x', time: 1, choice: { slot: 'grid', model: -1, recent: 0 } });
    expect(evidence.size).toBe(0);
    for (let n = 0; n < 3; n++) chose(evidence, { slot: 'grid', model: 4, recent: 0 });
    const restored = restoreChoiceEvidence(JSON.parse(JSON.stringify(saveChoiceEvidence(evidence))));
    expect(restored).toEqual(evidence);
    expect(chooseOrder(restored, 'grid', false)).toBe('recent');
    expect(restoreChoiceEvidence([['grid', 'bogus'], 'x', ['rail', { recent: { n: 'a' } }]])).toEqual(
      new Map([['rail', {}]]),
    );
  });
});
