import { describe, expect, it } from 'vitest';
import { createProfile, foldEvent } from '../../../worker/state/profile.js';
import { decayedValue, dwellFactor } from '../../../worker/state/taste.js';

describe('dwell time counts in taste (issue 19)', () => {
  it('a long read of a category outweighs a glance at another', () => {
    const profile = createProfile();
    foldEvent(profile, { type: 'view', itemId: 'a', time: 0, dwellMs: 1_000, item: { category: 'glanced' } });
    foldEvent(profile, { type: 'view', itemId: 'b', time: 0, dwellMs: 60_000, item: { category: 'read' } });
    const glanced = decayedValue(profile.categories.get('glanced'), 0);
    const read = decayedValue(profile.categories.get('read'), 0);
    expect(read).toBeCloseTo(2, 6);
    expect(glanced).toBeCloseTo(0.55, 6);
  });

  it('weighs views only, and an unknown or bad dwell as 1', () => {
    expect(dwellFactor({ type: 'view', itemId: 'a', time: 0 })).toBe(1);
    expect(dwellFactor({ type: 'view', itemId: 'a', time: 0, dwellMs: -5 })).toBe(1);
    expect(dwellFactor({ type: 'view', itemId: 'a', time: 0, dwellMs: 10_000 })).toBe(1);
    expect(dwellFactor({ type: 'view', itemId: 'a', time: 0, dwellMs: 0 })).toBe(0.5);
    expect(dwellFactor({ type: 'click', itemId: 'a', time: 0, dwellMs: 60_000 })).toBe(1);
  });
});
