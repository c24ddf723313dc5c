import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvObjects } from '../../../bench/quality/csv.js';

describe('parseCsv', () => {
  it('splits plain fields and keeps empty ones', () => {
    expect(parseCsv('a,b,,d\n1,,3,\n')).toEqual([
      ['a', 'b', '', 'd'],
      ['1', '', '3', ''],
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'city,note\n"Marseille, France","say ""hi"""\n"two\nlines",x\r\n';
    expect(parseCsv(text)).toEqual([
      ['city', 'note'],
      ['Marseille, France', 'say "hi"'],
      ['two\nlines', 'x'],
    ]);
  });

  it('accepts CRLF and a missing final newline', () => {
    expect(parseCsv('a,b\r\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps a record made of one empty quoted field', () => {
    expect(parseCsv('""\n')).toEqual([['']]);
  });

  it('rejects an unterminated quote and a quote inside an unquoted field', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
    expect(() => parseCsv('ab"c,d\n')).toThrow(/quote inside/);
  });
});

describe('parseCsvObjects', () => {
  it('keys records by the header', () => {
    expect(parseCsvObjects('x,y\n1,"2,5"\n')).toEqual([{ x: '1', y: '2,5' }]);
  });

  it('throws on a short record unless it is the truncated tail and that is allowed', () => {
    expect(() => parseCsvObjects('x,y\n1,2\n3')).toThrow(/record 3 has 1 fields/);
    expect(parseCsvObjects('x,y\n1,2\n3', { dropTruncatedTail: true })).toEqual([{ x: '1', y: '2' }]);
    expect(() => parseCsvObjects('x,y\n1\n3,4', { dropTruncatedTail: true })).toThrow(/record 2/);
  });
});
