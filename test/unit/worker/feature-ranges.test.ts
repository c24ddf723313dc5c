import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../../bench/quality/csv.js';
import { datasetsDir } from '../../../bench/datasets-dir.mjs';
import { rees46FromRows } from '../../../bench/quality/datasets/rees46.js';
import { trivagoFromRows } from '../../../bench/quality/datasets/trivago.js';
import { collectLists } from '../../../bench/quality/train/collect.js';
import type { QualityDataset } from '../../../bench/quality/types.js';
import { FEATURE_INDEX } from '../../../bench/quality/feature-index.js';
import { FEATURE_COUNT, FEATURE_NAMES, featurize } from '../../../worker/features.js';
import { createProfile, foldEvent } from '../../../worker/state/profile.js';

type Name = (typeof FEATURE_NAMES)[number];

/** The ranges docs/model.md promises for each feature; `binary` ones take only 0 or 1. */
const RANGES: Readonly<Record<Name, readonly [number, number] | 'binary'>> = {
  baseOrder: [0, 1],
  firstPosition: 'binary',
  categoryAffinity: [-1, 1],
  tagAffinity: [-1, 1],
  brandAffinity: [-1, 1],
  priceFit: [0, 1],
  itemViews: [0, 1.5],
  itemClicks: [0, 1.5],
  itemCarts: [0, 1.5],
  itemPurchased: 'binary',
  ignoredImpressions: [0, 1.5],
  itemDismissed: 'binary',
  engagementRecency: [0, 1],
  engagedThisHour: [0, 1],
  engagedMinutesAgo: [0, 1],
  engagedLastMinute: [0, 1],
  lastEngaged: 'binary',
  recencyRank: [0, 1],
  listRecencyRank: [0, 1],
  listLastFresh: [0, 1],
  listLastClicked: 'binary',
  nearLastEngaged: [0, 1],
  afterLastEngaged: [0, 1],
  similarToRecent: [0, 1],
  neighbourOfRecent: [0, 1],
  neighbourOfLast: [0, 1],
  relativePrice: [-1, 1],
  priceRank: [0, 1],
  hourSin: [-1, 1],
  hourCos: [-1, 1],
  weekdaySin: [-1, 1],
  weekdayCos: [-1, 1],
  deviceMobile: 'binary',
  deviceTablet: 'binary',
  pageProduct: 'binary',
};

const dir = datasetsDir();
if (!dir) console.warn('shared datasets not found (set INKLING_DATASETS): feature ranges on real excerpts are skipped');

function head(file: string, lines: number): string {
  return readFileSync(join(dir!, file), 'utf8').split('\n').slice(0, lines).join('\n');
}

describe('features', () => {
  it('has a documented range for every feature, in the frozen order', () => {
    expect(Object.keys(RANGES)).toEqual([...FEATURE_NAMES]);
    expect(FEATURE_COUNT).toBe(35);
  });

  it('puts the clicked category at full affinity and keeps the site order as baseOrder', () => {
    const now = Date.UTC(2026, 10, 1, 12);
    const profile = createProfile();
    for (const itemId of ['b1', 'b2'])
      foldEvent(profile, { type: 'click', itemId, time: now - 5000, item: { category: 'tents', tags: ['outdoor'] } });
    const items = [
      { id: 'a1', category: 'shoes' },
      { id: 'b3', category: 'tents', tags: ['outdoor'] },
      { id: 'b2', category: 'tents' },
    ];
    const rows = featurize(items, profile, {}, now);
    const at = (row: number, name: Name) => rows[row * FEATURE_COUNT + FEATURE_INDEX[name]]!;
    expect([at(0, 'categoryAffinity'), at(1, 'categoryAffinity')]).toEqual([0, 1]);
    expect(at(1, 'tagAffinity')).toBe(1);
    expect(at(1, 'similarToRecent')).toBe(1);
    expect(at(2, 'listLastClicked')).toBe(1);
    expect(at(2, 'lastEngaged')).toBe(1);
    expect(at(0, 'baseOrder')).toBe(1);
    expect(at(1, 'baseOrder')).toBeCloseTo(1 / Math.log2(3), 6);
  });

  describe.skipIf(!dir)('on real excerpts, every value is finite and within its documented range', () => {
    const cases: [string, () => QualityDataset][] = [
      ['trivago-100k', () => trivagoFromRows(parseCsvObjects(head('trivago-100k/trivago_val_100k.csv', 3001)))],
      ['rees46-oct2019-head', () => rees46FromRows(parseCsvObjects(head('rees46-oct2019-head/2019-Oct.csv', 2501)))],
    ];
    for (const [name, load] of cases) {
      it(name, () => {
        const dataset = load();
        const lists = [...collectLists(dataset, 'early'), ...collectLists(dataset, 'late')];
        expect(lists.length).toBeGreaterThan(50);
        const nonZero = new Set<Name>();
        const outside = new Set<string>();
        // Plain checks, one expect at the end: rees46 lists hold hundreds of rows of 37 values.
        for (const list of lists) {
          for (let i = 0; i < list.rows.length; i++) {
            const feature = FEATURE_NAMES[i % FEATURE_COUNT]!;
            const value = list.rows[i]!;
            const range = RANGES[feature];
            const ok =
              Number.isFinite(value) &&
              (range === 'binary' ? value === 0 || value === 1 : value >= range[0] - 1e-6 && value <= range[1] + 1e-6);
            if (!ok) outside.add(`${feature} = ${value}`);
            if (value !== 0) nonZero.add(feature);
          }
        }
        expect([...outside]).toEqual([]);
        // The history features are exercised by the replay, not stuck at 0.
        for (const feature of ['baseOrder', 'itemViews', 'recencyRank', 'listRecencyRank'] as const)
          expect(nonZero.has(feature), feature).toBe(true);
      });
    }
  });
});
