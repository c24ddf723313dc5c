// Speed in Node, against a hand-written baseline measured in the same run (machines here are shared and noisy).
// Run: npm run bench:speed  (builds this file with bench/rollup.config.mjs, then runs it; `--write-docs`
// writes its table into docs/performance.md)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { memory } from '@tensorflow/tfjs-core/dist/base';
import { createEngine } from '../../worker/engine.js';
import { featurize } from '../../worker/features.js';
import { scoreWithJs } from '../../worker/model/js-scorer.js';
import { createTfScorer } from '../../worker/model/tf-model.js';
import { checkWeights, PRIOR_WEIGHTS, type ModelWeights } from '../../worker/model/weights.js';
import { createProfile, foldEvent } from '../../worker/state/profile.js';
import { ms, time, timeInterleaved, type Timing } from '../stats.js';
import { itemsFor, loadSpeedFixture } from './catalog.js';
import { loadLongHistoryJson } from './fixture-json.mjs';
import { handWrittenRank, handWrittenRows, handWrittenScorer, visitorFrom } from './hand-written.mjs';
import logisticPrior from '../quality/priors/logistic.json';
import mlpPrior from '../quality/priors/mlp.json';

/** Both shapes, to show what the other one would cost (the engine and the hand-written ranker use the shipped prior). */
const other: ModelWeights = checkWeights(PRIOR_WEIGHTS.kind === 'mlp' ? logisticPrior : mlpPrior);

const fixture = loadSpeedFixture();
const now = Math.max(...fixture.events.map((event) => event.time)) + 60_000;
const context = { time: now };
const engine = createEngine({ storage: 'memory', now: () => now, learn: false });
await engine.ingest(fixture.events);
const profile = createProfile();
for (const event of fixture.events) foldEvent(profile, event);
const visitor = visitorFrom(fixture.events);
const handScore = handWrittenScorer(PRIOR_WEIGHTS);
const tf = await createTfScorer(PRIOR_WEIGHTS);

const rows: string[] = [];
const report = (what: string, timing: Timing, baseline?: Timing) =>
  rows.push(
    `| ${what} | ${ms(timing.median)} | ${ms(timing.p95)} | ${baseline ? `${(timing.median / baseline.median).toFixed(2)}x` : 'baseline'} |`,
  );

for (const count of [1_000, 10_000]) {
  const items = itemsFor(fixture, count);
  const runs = count === 1_000 ? 400 : 60;
  const featureRows = featurize(items, profile, context, now);
  const request = { slot: 'bench', items };
  // Interleaved, so that both sides of each ratio see the same machine load.
  const t = await timeInterleaved(
    {
      handWritten: () => handWrittenRank(items, visitor, context, now, handScore),
      handFeatures: () => handWrittenRows(items, visitor, context, now),
      features: () => featurize(items, profile, context, now),
      js: () => scoreWithJs(PRIOR_WEIGHTS, featureRows, count),
      jsOther: () => scoreWithJs(other, featureRows, count),
      handScore: () => handScore(featureRows, count),
      tfScore: () => tf.score(featureRows, count),
      explained: () => engine.rank(request),
      quiet: () => engine.rank({ ...request, explain: false }),
      personal: () => engine.rank({ ...request, recipe: { strategies: [{ use: 'personal', weight: 1 }] } }),
    },
    runs,
  );
  const baseline = t.handWritten;
  report(`hand-written ranker: 35 features + ${PRIOR_WEIGHTS.kind} forward pass + sort, ${count} items`, baseline);
  report(`hand-written: the 35 features only, ${count} items`, t.handFeatures, baseline);
  report(
    `Inkling featurize (the same 35 features; ratio to the hand-written features), ${count} items`,
    t.features,
    t.handFeatures,
  );
  report(`hand-written ${PRIOR_WEIGHTS.kind} forward pass (score only), ${count} items`, t.handScore, baseline);
  report(
    `Inkling JS scorer, shipped ${PRIOR_WEIGHTS.kind} prior (score only; ratio to the hand-written forward pass), ${count} items`,
    t.js,
    t.handScore,
  );
  report(`Inkling JS scorer, ${other.kind} prior instead (score only), ${count} items`, t.jsOther, baseline);
  report(`TF.js CPU scorer (score only; ranking does not use it), ${count} items`, t.tfScore, baseline);
  report(`**Inkling rank: features, score, default recipe, reasons, sort, ${count} items**`, t.explained, baseline);
  report(`**Inkling rank without reasons (what the script tag does), ${count} items**`, t.quiet, baseline);
  report(`Inkling rank, personal strategy only, ${count} items`, t.personal, baseline);
}

// A visitor with a long history (34,489 events, 6,493 items met): the rows have more non-zero features,
// and the rules and reasons look up more. Both sides use that history.
{
  const events = loadLongHistoryJson(now);
  const longEngine = createEngine({ storage: 'memory', now: () => now, learn: false });
  for (let start = 0; start < events.length; start += 1000) await longEngine.ingest(events.slice(start, start + 1000));
  const longVisitor = visitorFrom(events);
  const items = itemsFor(fixture, 1_000);
  const request = { slot: 'bench', items };
  const t = await timeInterleaved(
    {
      handWritten: () => handWrittenRank(items, longVisitor, context, now, handScore),
      explained: () => longEngine.rank(request),
      quiet: () => longEngine.rank({ ...request, explain: false }),
    },
    200,
  );
  report(`hand-written ranker, ${events.length.toLocaleString('en')}-event history, 1000 items`, t.handWritten);
  report(
    `**Inkling rank, ${events.length.toLocaleString('en')}-event history, 1000 items**`,
    t.explained,
    t.handWritten,
  );
  report(
    `**Inkling rank without reasons, ${events.length.toLocaleString('en')}-event history, 1000 items**`,
    t.quiet,
    t.handWritten,
  );
}

const batchRows = featurize(itemsFor(fixture, 32), profile, context, now);
const batch = {
  rows: batchRows,
  labels: Float32Array.from({ length: 32 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
  weights: new Float32Array(32).fill(1),
  count: 32,
};
tf.train(batch);
const tensorsBefore = memory().numTensors;
const forward = await time(() => tf.score(batchRows, 32), 300);
report('one forward pass, batch 32 (TF.js)', forward);
report(
  '**one training step, batch 32 (TF.js Adam: data-loss gradients, plus the pull toward the prior in closed form)**',
  await time(() => tf.train(batch), 300),
  forward,
);
const leaked = memory().numTensors - tensorsBefore;

const markdown: string[] = [];
markdown.push(
  `\n### Speed in Node ${process.version} (history: ${fixture.events.length} real rees46 events of one visitor)\n`,
);
markdown.push('| what | median | p95 | ratio to baseline |\n| --- | --- | --- | --- |');
markdown.push(...rows);
markdown.push(
  `\nTF.js tensors after 600 scoring and training calls: ${leaked === 0 ? 'back to baseline' : `${leaked} leaked`}`,
);
markdown.push(
  'Budgets (../shared/DESIGN.md): rank 1,000 items <= 3 ms median and <= 3x the hand-written ranker; one training step <= 2 ms median.',
);
tf.dispose();
console.log(markdown.join('\n'));
if (process.argv.includes('--write-docs')) {
  // Loaded at run time from the repository root: bundled, its own import.meta.url would point into bench/dist.
  const docs = (await import(
    pathToFileURL(resolve('scripts/bench-docs.mjs')).href
  )) as typeof import('../../scripts/bench-docs.mjs');
  docs.writeBenchSection('speed-node', markdown.join('\n'), 'npm run bench -- speed --write-docs');
}
