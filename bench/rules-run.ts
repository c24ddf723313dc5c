// What the recipe rules add to ranking 1,000 items, against the same blend without rules in the same run.
import { benchRules, formatRulesBench } from './rules.js';

console.log('\n### Recipe rules (1,000 items)\n');
console.log(formatRulesBench(benchRules()));
