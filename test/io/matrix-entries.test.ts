/**
 * parseMatrixEntries and exactMatrix: duplicate keys are found whether the text has one object or
 * several (the single-object shortcut decides only when it can), repeated strings read alike, and
 * exactMatrix neither changes the entries nor depends on being called once.
 *
 * Order: refusals first, then exact reading against entry-by-entry parsing on seeded files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { exactMatrix, parseMatrixEntries } from '../../src/io/matrix-json.js';
import { parseRational, rationalFromNumber, RZERO } from '../../src/numeric/rational.js';
import { Rng } from '../../src/random/rng.js';
import { fcParams } from '../arbitraries.js';

const entries = (text: string) => parseMatrixEntries(text, 'rho.json');

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('duplicate keys', () => {
  it.each([
    // one object: the ':' count cannot rule a repeat out
    ['a repeated top-level key', '{"re": [[1]], "re": [[2]]}', 're'],
    ['a repeated key, a ":" in a string', '{"im": [["1:2"]], "re": [[1]], "im": [[0]]}', 'im'],
    ['a repeated key, escaped quotes around', '{"re": [["\\"a\\":"]], "re": [[1]]}', 're'],
    // several objects (or a '{' in a string): the scan decides
    ['a repeated key after a "{" in a string', '{"re": [["{"]], "re": [[1]]}', 're'],
    ['a repeated key in a nested object', '{"re": [[{"a": 1, "a": 2}]]}', 'a'],
    ['a repeated "__proto__"', '{"__proto__": 1, "__proto__": 2, "re": [[1]]}', '__proto__'],
  ])('%s is refused', (_, text, key) => {
    expect(messageOf(() => entries(text))).toBe(`rho.json: the key "${key}" appears twice (JSON would silently keep the last one)`);
  });

  it.each([
    ['":" and "{" in strings, no repeat', '{"re": [["1:2", "{"]]}', 'rho.json: "re"[1][1]: "1:2" is not a number'],
    ['keys that differ', '{"re": [[1]], "rex": [[0]]}', 'rho.json: unexpected key "rex"'],
    ['"re" and an escaped "r\\u0065" (the same key)', '{"re": [[1]], "r\\u0065": [[0]]}', 'rho.json: the key "re" appears twice'],
  ])('%s: the right message', (_, text, start) => {
    expect(messageOf(() => entries(text)).startsWith(start)).toBe(true);
  });

  it('a file without a repeat reads', () => {
    expect(exactMatrix(entries('{"re": [["1/2", 0], [0, "1/2"]], "im": [[0, "1/4"], ["-1/4", 0]]}')).re[0]).toEqual({ num: 1n, den: 2n });
  });
});

describe('exactMatrix of parsed entries', () => {
  it('equal strings, however written, give equal values; numbers read as written; "im" absent is zero', () => {
    const E = entries('{"re": [["2/4", "1/2", " 1/2", "0.5"], [0.5, "0.5", "5e-1", 1]]}');
    expect(E.stringEntries).toBe(6);
    const Q = exactMatrix(E);
    for (const x of Q.re.slice(0, 7)) expect(x).toEqual({ num: 1n, den: 2n });
    expect(Q.re[7]).toEqual({ num: 1n, den: 1n });
    expect(Q.im).toEqual(new Array(8).fill(RZERO));
    expect(Q.hasFloatEntries).toBe(true);
  });

  it('is a pure function of the entries: called twice, equal results; the entries unchanged', () => {
    const E = entries('{"re": [["1/3", 0.25], [-2, "7/9"]], "im": [[0, "-1/5"], [0.125, 0]]}');
    const strings = { re: [...E.strings.re], im: [...E.strings.im] };
    const first = exactMatrix(E);
    first.re[0] = RZERO;
    const second = exactMatrix(E);
    expect(second.re).toEqual([parseRational('1/3'), parseRational('1/4'), parseRational('-2'), parseRational('7/9')]);
    expect(second.im).toEqual([RZERO, parseRational('-1/5'), parseRational('1/8'), RZERO]);
    expect([...E.strings.re]).toEqual(strings.re);
    expect([...E.strings.im]).toEqual(strings.im);
  });

  it('equals entry-by-entry parsing on seeded files of repeated fractions, decimals and numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 9 }), (seed, n) => {
        const rng = new Rng(seed, ['matrix-entries']);
        const den = rng.int(1, 10 ** 6);
        const pool: (string | number)[] = Array.from({ length: 6 }, () => {
          switch (rng.int(0, 3)) {
            case 0:
              return `${rng.int(-999, 999)}/${den}`;
            case 1:
              return `${rng.int(-99999, 99999)}e-${rng.int(0, 30)}`;
            case 2:
              return rng.int(-9, 9) / 8;
            default:
              return `${rng.int(-(2 ** 30), 2 ** 30)}${rng.int(0, 2 ** 30)}${rng.int(0, 2 ** 30)}/${den}7`;
          }
        });
        const draw = () => Array.from({ length: n }, () => Array.from({ length: n }, () => pool[rng.int(0, pool.length - 1)]));
        const re = draw();
        const im = draw();
        const Q = exactMatrix(entries(JSON.stringify({ re, im })));
        const exact = (x: string | number) => (typeof x === 'number' ? (x === 0 ? RZERO : rationalFromNumber(x)) : parseRational(x));
        expect(Q.re).toEqual(re.flat().map(exact));
        expect(Q.im).toEqual(im.flat().map(exact));
      }),
      fcParams('matrix entries against entry-by-entry parsing', 100),
    );
  });
});
