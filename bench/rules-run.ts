// What the recipe rules add to ranking 1,000 items, against the same blend without rules in the same run.
// The check once made by a unit test lives here: a ratio of two interleaved measurements holds on a
// shared core where absolute times swing, so the bench fails past 2.5x.
import { benchRules, formatRulesBench } from './rules.js';

const RATIO_LIMIT = 2.5;

console.log('\n### Recipe rules (1,000 items)\n');
const result = benchRules();
console.log(formatRulesBench(result));
if (!(result.ratio < RATIO_LIMIT)) {
  console.error(`rules made ranking ${result.ratio.toFixed(2)}x slower than without them (limit ${RATIO_LIMIT}x)`);
  process.exitCode = 1;
}
