import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseRational, rational, radd, rcmp, rationalFromNumber, rationalToString } from '../../src/numeric/rational.js';

describe('parseRational', () => {
  it.each(['', 'abc', '1/0', '1.2.3', '--1', 'NaN', 'Infinity', '1e', '/3'])('refuses %j', (s) => {
    expect(() => parseRational(s)).toThrow(InputError);
  });
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['0.125', '1/8'],
    ['-1.5e-3', '-3/2000'],
    ['79/272', '79/272'],
    ['-6/4', '-3/2'],
    ['2', '2'],
    ['.5', '1/2'],
    ['5.', '5'],
    ['1E+2', '100'],
  ])('reads %j exactly as %s', (s, want) => {
    expect(rationalToString(parseRational(s))).toBe(want);
  });
  it('reads JSON numbers as written', () => {
    expect(rationalToString(rationalFromNumber(0.1))).toBe('1/10');
    expect(() => rationalFromNumber(NaN)).toThrow(InputError);
  });
  it('adds and compares exactly', () => {
    const third = rational(1n, 3n);
    expect(rcmp(radd(radd(third, third), third), rational(1n))).toBe(0);
  });
});
