// Speed in Node, against a hand-written baseline measured in the same run (machines here are shared and noisy).
// Run: npm run bench:speed  (builds this file with bench/rollup.config.mjs, then runs it)
import { memory } from '@tensorflow/tfjs-core/dist/base';
import { createEngine } from '../../worker/engine.js';
import { featurize } from '../../worker/features.js';
import { scoreWithJs } from '../../worker/model/js-scorer.js';
import { createTfScorer } from '../../worker/model/tf-model.js';
import { PRIOR_WEIGHTS } from '../../worker/model/weights.js';
import { createProfile, foldEvent } from '../../worker/profile.js';
import { ms, time, type Timing } from '../stats.js';
import { firstUnit, handWrittenRank } from './baseline.js';
import { itemsFor, loadSpeedFixture } from './catalog.js';

const fixture = loadSpeedFixture();
const now = Math.max(...fixture.events.map((event) => event.time)) + 60_000;
const engine = createEngine({ storage: 'memory', now: () => now, learn: false });
await engine.ingest(fixture.events);
const profile = createProfile();
for (const event of fixture.events) foldEvent(profile, event);
const unit = firstUnit(PRIOR_WEIGHTS);
const tf = await createTfScorer(PRIOR_WEIGHTS);

const rows: string[] = [];
const report = (what: string, timing: Timing, baseline?: Timing) =>
  rows.push(`| ${what} | ${ms(timing.median)} | ${ms(timing.p95)} | ${baseline ? `${(timing.median / baseline.median).toFixed(2)}x` : 'baseline'} |`);

for (const count of [1_000, 10_000]) {
  const items = itemsFor(fixture, count);
  const runs = count === 1_000 ? 300 : 40;
  const featureRows = featurize(items, profile, { time: now }, now);
  const handWritten = await time(() => handWrittenRank(featurize(items, profile, { time: now }, now), count, unit.weights, unit.bias), runs);
  const scoreOnly = await time(() => handWrittenRank(featureRows, count, unit.weights, unit.bias), runs);
  report(`hand-written: features + Float32Array score + sort, ${count} items`, handWritten);
  report(`hand-written: Float32Array score + sort only, ${count} items`, scoreOnly, handWritten);
  report(`Inkling JS scorer (score only), ${count} items`, await time(() => scoreWithJs(PRIOR_WEIGHTS, featureRows, count), runs), scoreOnly);
  report(`TF.js CPU scorer (score only), ${count} items`, await time(() => tf.score(featureRows, count), runs), scoreOnly);
  const request = { slot: 'bench', items };
  report(`**Inkling rank: features, score, default recipe, reasons, sort, ${count} items**`, await time(() => engine.rank(request), runs), handWritten);
  report(`**Inkling rank without reasons (what the script tag does), ${count} items**`, await time(() => engine.rank({ ...request, explain: false }), runs), handWritten);
  report(`Inkling rank, personal strategy only, ${count} items`, await time(() => engine.rank({ ...request, recipe: { strategies: [{ use: 'personal', weight: 1 }] } }), runs), handWritten);
}

const batchRows = featurize(itemsFor(fixture, 32), profile, { time: now }, now);
const batch = { rows: batchRows, labels: Float32Array.from({ length: 32 }, (_, i) => i % 3 === 0 ? 1 : 0), weights: new Float32Array(32).fill(1), count: 32 };
tf.train(batch);
const tensorsBefore = memory().numTensors;
const forward = await time(() => tf.score(batchRows, 32), 200);
report('one forward pass, batch 32 (TF.js)', forward);
report('**one training step, batch 32 (TF.js Adam, optimizer.minimize)**', await time(() => tf.train(batch), 200), forward);
const leaked = memory().numTensors - tensorsBefore;

console.log(`\n### Speed in Node ${process.version} (history: ${fixture.events.length} real rees46 events of one visitor)\n`);
console.log('| what | median | p95 | ratio to baseline |\n| --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\nTF.js tensors after 400 scoring and training calls: ${leaked === 0 ? 'back to baseline' : `${leaked} leaked`}`);
console.log('Budgets (../shared/DESIGN.md): rank 1,000 items <= 3 ms median and <= 3x the hand-written ranker; one training step <= 2 ms median.');
tf.dispose();
