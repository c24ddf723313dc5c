import { describe, expect, it } from 'vitest';
import { reasonText } from '../../../src/ui/debug-overlay.js';

describe('debug overlay reasons', () => {
  it('print how long ago in whole units, not milliseconds with three decimals', () => {
    const excluded = (value: number) =>
      reasonText({ kind: 'rule', source: 'exclude', text: 'excluded: you bought it', value });
    expect(excluded(4098.25)).toBe('rule exclude 4098 ms: excluded: you bought it');
    expect(excluded(42_000)).toBe('rule exclude 42 s: excluded: you bought it');
    expect(excluded(3 * 86_400_000)).toBe('rule exclude 3 d: excluded: you bought it');
    expect(reasonText({ kind: 'signal', source: 'personal', text: 'tents', value: 0.12345 })).toBe(
      'personal 0.123: tents',
    );
    expect(reasonText({ kind: 'rule', source: 'pin', text: 'pinned', value: 2 })).toBe('rule pin 2: pinned');
  });
});
