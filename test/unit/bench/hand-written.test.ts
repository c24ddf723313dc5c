import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InklingEvent } from '../../../common/types.js';
import { FEATURE_COUNT, FEATURE_NAMES, featurize } from '../../../worker/features.js';
import { createProfile, foldEvent } from '../../../worker/state/profile.js';
import { FEATURES, handWrittenRows, handWrittenScorer, visitorFrom } from '../../../bench/speed/hand-written.mjs';
import { scoreWithJs } from '../../../worker/model/js-scorer.js';
import { checkWeights, PRIOR_WEIGHTS } from '../../../worker/model/weights.js';
import logisticPrior from '../../../bench/quality/priors/logistic.json';
import mlpPrior from '../../../bench/quality/priors/mlp.json';
import { itemsFor, loadSpeedFixture } from '../../../bench/speed/catalog.js';

const datasets = [process.env.INKLING_DATASETS, join(process.cwd(), '..', 'shared', 'datasets')].find(
  (dir) => dir && existsSync(join(dir, 'rees46-oct2019-head')),
);

/** The speed benches' yardstick must do the same work as Inkling's features, or the ratio means nothing. */
describe('the hand-written baseline of the speed benches', () => {
  it.skipIf(!datasets)(
    'computes the same 35 features as featurize on the bench fixture, 1,000 and 10,000 items',
    () => {
      expect(FEATURES).toBe(FEATURE_COUNT);
      const fixture = loadSpeedFixture();
      // Clicks and an impression on listed items too, so that every history column has work.
      const extra: InklingEvent[] = fixture.items.slice(0, 5).map((item, i) => ({
        type: i % 2 ? 'click' : 'impression',
        itemId: item.id,
        time: fixture.events.at(-1)!.time + i * 1000,
        item: { category: item.category!, price: item.price! },
      }));
      const events = [...fixture.events, ...extra];
      const now = Math.max(...events.map((event) => event.time)) + 60_000;
      const profile = createProfile();
      for (const event of events) foldEvent(profile, event);
      const visitor = visitorFrom(events);
      for (const count of [1_000, 10_000]) {
        const items = itemsFor(fixture, count);
        for (const context of [{ time: now }, { time: now, device: 'mobile' as const, pageType: 'product' }]) {
          const expected = featurize(items, profile, context, now);
          const actual = handWrittenRows(items, visitor, context, now);
          for (let k = 0; k < expected.length; k++) {
            if (Math.abs(actual[k]! - expected[k]!) > 1e-6)
              expect.fail(
                `item ${Math.floor(k / FEATURE_COUNT)}, ${FEATURE_NAMES[k % FEATURE_COUNT]}: ${actual[k]} instead of ${expected[k]}`,
              );
          }
        }
      }
    },
  );

  it.skipIf(!datasets)(
    "scores with the same model as the engine: its logits are the JS scorer's, logistic and MLP",
    () => {
      const fixture = loadSpeedFixture();
      const now = Math.max(...fixture.events.map((event) => event.time)) + 60_000;
      const profile = createProfile();
      for (const event of fixture.events) foldEvent(profile, event);
      const items = itemsFor(fixture, 1_000);
      const rows = featurize(items, profile, { time: now }, now);
      for (const weights of [PRIOR_WEIGHTS, checkWeights(logisticPrior), checkWeights(mlpPrior)]) {
        const logits = handWrittenScorer(weights)(rows, items.length);
        const engine = scoreWithJs(weights, rows, items.length);
        logits.forEach((logit, i) => expect(1 / (1 + Math.exp(-logit))).toBeCloseTo(engine[i]!, 6));
      }
    },
  );
});
