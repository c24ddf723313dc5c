import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, writeEarlierPart } from '../../../bench/train/datasets.mjs';
import { checkNeighbourTable } from '../../../packages/cli/src/neighbour-table.js';
import { train } from '../../../packages/cli/src/train.js';
import { checkWeights } from '../../../worker/model/weights.js';
import { options, silent, tempDir } from './fixtures.js';

const shared = [process.env['INKLING_DATASETS'], join(process.cwd(), '..', 'shared', 'datasets')].find(
  (d) => d && existsSync(d),
);

// The five datasets in full: `node bench/train/site-files.mjs` (a few minutes). Here the two small ones.
describe.skipIf(!shared)('inkling train on the shared datasets (earlier part, documented CSV)', () => {
  it('lists the five datasets', () => {
    expect(Object.keys(DATASETS).sort()).toEqual([
      'diginetica-sample',
      'otto-sample',
      'rees46-oct2019-head',
      'taobao-userbehavior-sample',
      'trivago-100k',
    ]);
  });

  it.each(['otto-sample', 'taobao-userbehavior-sample'])(
    '%s: valid neighbours.json and model.json from the part before the split',
    async (name) => {
      const dir = tempDir();
      const csv = join(dir, `${name}.csv`);
      const { split, rows } = writeEarlierPart(name, csv, shared);
      expect(rows).toBeGreaterThan(0);
      const lines = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
      expect(lines.every((line) => Number(line.split(',')[4]) < split)).toBe(true);
      const out = join(dir, 'out');
      await train(options(csv, '--out', out, '--kind', 'logistic'), silent());
      checkNeighbourTable(JSON.parse(readFileSync(join(out, 'neighbours.json'), 'utf8')));
      checkWeights(JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')));
    },
  );
});
