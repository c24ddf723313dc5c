import { describe, expect, it } from 'vitest';
import { RecencyCheck } from '../../../worker/engine/recency-check.js';
import { createProfile, foldEvent, type Profile } from '../../../worker/state/profile.js';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
/** The model likes a best and j least. */
const modelScores = () => Float32Array.from(ids, (_, i) => 0.9 - i * 0.05);
const orderOf = (scores: Float32Array) => [...ids].sort((x, y) => scores[ids.indexOf(y)]! - scores[ids.indexOf(x)]!);
const view = (profile: Profile, itemId: string, time: number) => foldEvent(profile, { type: 'view', itemId, time });

describe('RecencyCheck: the visitor’s own evidence for recent-first against the model', () => {
  it('keeps the model’s scores exactly without evidence, and when the model placed the choices higher', () => {
    const check = new RecencyCheck();
    const profile = createProfile();
    view(profile, 'j', 1);
    const first = modelScores();
    expect(check.scores('grid', ids, first, profile)).toBe(first);
    // The visitor then chooses 'a', which the model placed first and recent-first second.
    for (let t = 2; t < 8; t++) {
      view(profile, t % 2 === 0 ? 'a' : 'b', t * 1000);
      const scores = modelScores();
      expect(check.scores('grid', ids, scores, profile)).toBe(scores);
    }
    expect(check.modelAhead).toBeGreaterThan(0);
    expect(check.weight()).toBe(0);
  });

  it('moves toward recent-first as the visitor keeps returning to their latest item, never on one choice', () => {
    const check = new RecencyCheck();
    const profile = createProfile();
    const recent = ['j', 'i', 'h'];
    for (const [at, id] of recent.entries()) view(profile, id, at + 1);
    check.scores('grid', ids, modelScores(), profile);
    const weights: number[] = [];
    const tops: string[] = [];
    for (let n = 0; n < 6; n++) {
      // The visitor's choice is always their oldest of three engaged items, which the model ranks low.
      const chosen = recent[n % recent.length]!;
      view(profile, chosen, 1000 * (n + 2));
      const scores = check.scores('grid', ids, modelScores(), profile);
      weights.push(check.weight());
      tops.push(orderOf(scores)[0]!);
    }
    expect(check.recentAhead).toBe(6);
    expect(weights[0]).toBeCloseTo(1 / 3);
    for (let n = 1; n < weights.length; n++) expect(weights[n]).toBeGreaterThan(weights[n - 1]!);
    // One choice is not enough to put the latest item above the model's favourite; six are.
    expect(tops[0]).toBe('a');
    expect(tops[5]).toBe(recent[5 % recent.length]);
  });

  it('counts no vote when nothing of the list was engaged, and clear() forgets the evidence', () => {
    const check = new RecencyCheck();
    const profile = createProfile();
    view(profile, 'j', 1);
    check.scores('grid', ids, modelScores(), profile);
    view(profile, 'elsewhere', 2);
    check.scores('grid', ids, modelScores(), profile);
    expect(check.recentAhead + check.modelAhead).toBe(0);
    view(profile, 'j', 3);
    check.scores('grid', ids, modelScores(), profile);
    expect(check.recentAhead).toBe(1);
    check.clear();
    expect(check.weight()).toBe(0);
  });
});
