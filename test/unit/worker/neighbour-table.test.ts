import { describe, expect, it } from 'vitest';
import { indexNeighbours, neighbourScores } from '../../../worker/site/neighbour-index.js';
import { checkNeighbourTable, type NeighbourTable } from '../../../worker/site/neighbour-table.js';

const TABLE: NeighbourTable = {
  format: 'inkling-neighbours',
  version: 1,
  minCount: 2,
  k: 2,
  sessions: 10,
  support: { a: 4, b: 4, c: 2 },
  neighbours: {
    a: [
      ['b', 3],
      ['c', 2],
    ],
    b: [['a', 3]],
  },
};

describe('checkNeighbourTable', () => {
  it('accepts a table in the contract format', () => {
    expect(checkNeighbourTable(JSON.parse(JSON.stringify(TABLE)))).toEqual(TABLE);
  });

  it.each([
    ['not an object', [], 'the neighbour table must be a JSON object'],
    ['another format', { ...TABLE, format: 'x' }, 'format must be "inkling-neighbours"'],
    ['another version', { ...TABLE, version: 2 }, 'version must be 1'],
    ['a negative minCount', { ...TABLE, minCount: -1 }, 'minCount must be a non-negative integer'],
    ['a fractional k', { ...TABLE, k: 1.5 }, 'k must be a non-negative integer'],
    ['support not an object', { ...TABLE, support: [1] }, 'support must be an object'],
    ['a zero support', { ...TABLE, support: { a: 0 } }, 'support["a"] must be a positive integer'],
    ['neighbours not an object', { ...TABLE, neighbours: null }, 'neighbours must be an object'],
    ['a list that is not an array', { ...TABLE, neighbours: { a: 'b' } }, 'neighbours["a"] must be an array'],
    ['more than k neighbours', { ...TABLE, k: 1 }, 'neighbours["a"] lists 2 neighbours, more than k (1)'],
    [
      'a pair without an id',
      { ...TABLE, neighbours: { a: [[1, 2]] } },
      'neighbours["a"][0] must be a [string id, count] pair',
    ],
    [
      'a count of zero',
      { ...TABLE, neighbours: { a: [['b', 0]] } },
      'neighbours["a"][0][1] must be a positive integer',
    ],
  ])('rejects %s, naming the field', (_name, value, message) => {
    expect(() => checkNeighbourTable(value)).toThrow(message);
  });
});

describe('neighbourScores', () => {
  it('weighs the latest engaged item most and stays within [0, 1]', () => {
    const index = indexNeighbours(TABLE);
    const { ofRecent, ofLast } = neighbourScores(index, ['b', 'a']);
    // a is the latest: b = 3 / sqrt(4 * 4), c = 2 / sqrt(4 * 2), weighted 1 of 1.5; then b's neighbour a, 0.5 of 1.5.
    expect(ofRecent.get('b')).toBeCloseTo((1 / 1.5) * 0.75, 6);
    expect(ofRecent.get('c')).toBeCloseTo((1 / 1.5) * (2 / Math.sqrt(8)), 6);
    expect(ofRecent.get('a')).toBeCloseTo((0.5 / 1.5) * 0.75, 6);
    expect(ofLast.get('b')).toBeCloseTo(0.75, 6);
    expect(ofLast.has('a')).toBe(false);
    expect(neighbourScores(undefined, ['a']).ofRecent.size).toBe(0);
  });
});
