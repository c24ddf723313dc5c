import { describe, expect, it } from 'vitest';
import { RecipeError, parseDuration, tryParseDuration } from '../../../worker/recipe/index.js';

describe('parseDuration', () => {
  it.each([
    ['45s', 45_000],
    ['15m', 900_000],
    ['12h', 43_200_000],
    ['30d', 2_592_000_000],
    ['1.5h', 5_400_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([['30 days'], ['-5d'], ['1e3s'], ['0d'], ['d'], ['5w'], [''], [' 5d']])(
    'rejects %j with its path',
    (text) => {
      expect(() => parseDuration(text, 'item.repurchase')).toThrow(
        `item.repurchase: expected a duration like "30d" (a positive number, then s, m, h or d), found ${JSON.stringify(text)}`,
      );
    },
  );

  it('rejects non-strings and reports them as found', () => {
    const error = (() => {
      try {
        parseDuration(30);
      } catch (e) {
        return e as RecipeError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RecipeError);
    expect(error?.path).toBe('duration');
    expect(error?.found).toBe('30');
  });

  it('tryParseDuration returns undefined instead of throwing', () => {
    expect(tryParseDuration('7d')).toBe(604_800_000);
    expect(tryParseDuration('weekly')).toBeUndefined();
    expect(tryParseDuration(undefined)).toBeUndefined();
  });
});
