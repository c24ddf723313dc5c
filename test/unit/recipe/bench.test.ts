import { describe, expect, it } from 'vitest';
import { benchRules, formatRulesBench } from '../../../bench/rules.js';

describe('benchRules', () => {
  it('measures rules against no rules on 1,000 items and reports the figures', () => {
    const result = benchRules({ runs: 60, warmup: 20 });
    console.log(formatRulesBench(result));
    expect(result.items).toBe(1_000);
    expect(result.withRulesMs).toBeGreaterThan(0);
    expect(result.withoutRulesMs).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo(result.withRulesMs / result.withoutRulesMs);
    // The budget is 1 ms; a shared CI core gets 2x slack here, the bench itself reports the real figure.
    expect(result.addedMs).toBeLessThan(2);
  });
});
