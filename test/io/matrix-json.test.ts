/**
 * The matrix file format {"re": [[…]], "im": [[…]]}: parseMatrixJson, readMatrixFile, matrixToJson.
 *
 * Order: refusals (InputError, one line, naming the problem and where); exact reading; files;
 * round trips.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { matrixToJson, parseMatrixJson, readMatrixFile } from '../../src/io/matrix-json.js';
import { float64 } from '../../src/numeric/float64.js';
import { rationalToNumber, rationalToString } from '../../src/numeric/rational.js';
import { rationalToField } from '../../src/physics/density.js';
import { buildState, D50, fcParams, stateSpec, uniformMatrix } from '../arbitraries.js';

/** The InputError `f` throws; fails unless it is one, with a one-line message. */
function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toMatch(/\n/);
    return e as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

const parse = (text: string) => parseMatrixJson(text, 'rho.json');

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

describe('parseMatrixJson refuses', () => {
  it.each([
    // edge rows: no JSON at all, then JSON that is not an object
    ['an empty text', '', /^rho\.json: not valid JSON \(/],
    ['truncated JSON', '{"re": [[1]]', /^rho\.json: not valid JSON \(/],
    ['a NaN literal (not JSON)', '{"re": [[NaN]]}', /^rho\.json: not valid JSON \(/],
    ['an array', '[[1]]', /^rho\.json: expected an object \{"re": \[\[…\]\], "im": \[\[…\]\]\}$/],
    ['null', 'null', /^rho\.json: expected an object/],
    ['a number', '3', /^rho\.json: expected an object/],
    ['a string', '"re"', /^rho\.json: expected an object/],
    // keys
    ['an empty object', '{}', /^rho\.json: missing "re"$/],
    ['only "im"', '{"im": [[0]]}', /^rho\.json: missing "re"$/],
    ['an unknown key', '{"re": [[1]], "imag": [[0]]}', /^rho\.json: unexpected key "imag" \(only "re" and "im" are allowed\)$/],
    // shapes
    ['"re" empty', '{"re": []}', /^rho\.json: "re" must be a non-empty array of rows$/],
    ['"re" a row of nothing', '{"re": [[]]}', /^rho\.json: "re" row 1 is empty$/],
    ['"re" rows of nothing', '{"re": [[], []]}', /^rho\.json: "re" row 1 is empty$/],
    ['"re" not an array', '{"re": 1}', /^rho\.json: "re" must be a non-empty array of rows$/],
    ['"re" a flat array', '{"re": [1, 0]}', /^rho\.json: "re" row 1 is not an array$/],
    ['"re" second row not an array', '{"re": [[1, 0], 0]}', /^rho\.json: "re" row 2 is not an array$/],
    ['ragged rows', '{"re": [[1, 0], [0]]}', /^rho\.json: "re" row 2 has 1 entries, expected 2$/],
    ['"im" of another shape', '{"re": [[1, 0], [0, 0]], "im": [[0, 0]]}', /^rho\.json: "im" is 1×2 but "re" is 2×2$/],
    ['"im" of another width', '{"re": [[1, 0], [0, 0]], "im": [[0], [0]]}', /^rho\.json: "im" is 2×1 but "re" is 2×2$/],
    ['"im" ragged', '{"re": [[1, 0], [0, 0]], "im": [[0, 0], [0]]}', /^rho\.json: "im" row 2 has 1 entries, expected 2$/],
    ['"im" null', '{"re": [[1]], "im": null}', /^rho\.json: "im" must be a non-empty array of rows$/],
    // entries
    ['a "NaN" string', '{"re": [["NaN"]]}', /^rho\.json: "re"\[1\]\[1\]: "NaN" is not a number/],
    ['an "Infinity" string', '{"re": [["1", "Infinity"]]}', /^rho\.json: "re"\[1\]\[2\]: "Infinity" is not a number/],
    ['a "-Infinity" string in "im"', '{"re": [[1]], "im": [["-Infinity"]]}', /^rho\.json: "im"\[1\]\[1\]: "-Infinity" is not a number/],
    ['a number that overflows to Infinity', '{"re": [[1e400]]}', /^rho\.json: "re"\[1\]\[1\] is not finite$/],
    ['a zero denominator', '{"re": [["1/0"]]}', /^rho\.json: "re"\[1\]\[1\]: "1\/0" has a zero denominator$/],
    ['a hexadecimal string', '{"re": [["0x10"]]}', /^rho\.json: "re"\[1\]\[1\]: "0x10" is not a number/],
    ['an empty string', '{"re": [[""]]}', /^rho\.json: "re"\[1\]\[1\]: "" is not a number/],
    ['null', '{"re": [[null]]}', /^rho\.json: "re"\[1\]\[1\] must be a number or a string, got null$/],
    ['a boolean', '{"re": [[1, true]]}', /^rho\.json: "re"\[1\]\[2\] must be a number or a string, got boolean$/],
    ['a nested array', '{"re": [[[1]]]}', /^rho\.json: "re"\[1\]\[1\] must be a number or a string, got object$/],
    ['an object', '{"re": [[{"re": 1}]]}', /^rho\.json: "re"\[1\]\[1\] must be a number or a string, got object$/],
  ])('%s', (_, text, message) => {
    expect(inputErrorOf(() => parse(text)).message).toMatch(message);
  });
});

// ---------------------------------------------------------------------------------------------
// Exact reading
// ---------------------------------------------------------------------------------------------

describe('parseMatrixJson reads entries exactly', () => {
  it.each([
    // [JSON entry, exact value, counts as a float64 entry]
    ['0', '0', false],
    ['-0', '0', false],
    ['1', '1', false],
    ['-7', '-7', false],
    ['0.1', '1/10', true], // a JSON number is read as written, not as the double nearest 0.1
    ['0.30000000000000004', '7500000000000001/25000000000000000', true],
    ['1e-30', '1/1000000000000000000000000000000', true],
    ['1.5e3', '1500', false], // an integer-valued number, however written, is exact
    ['"0.125"', '1/8', false],
    ['"-1.5e-3"', '-3/2000', false],
    ['"79/272"', '79/272', false],
    ['" 6/4 "', '3/2', false],
    [
      '"0.1000000000000000000000000000000000000000000000000000000001"',
      '1000000000000000000000000000000000000000000000000000000001/10000000000000000000000000000000000000000000000000000000000',
      false,
    ],
  ] as const)('%s → %s', (entry, exact, float) => {
    const Q = parse(`{"re": [[${entry}]]}`);
    expect(rationalToString(Q.re[0])).toBe(exact);
    expect(rationalToString(Q.im[0])).toBe('0');
    expect(Q.hasFloatEntries).toBe(float);
  });

  it('reads a 2×3 complex matrix row-major, "im" optional', () => {
    const Q = parse('{"re": [[1, "1/2", 0.25], [0, -1, "2"]], "im": [["1/3", 0, 0], [0, 0, -0.5]]}');
    expect([Q.rows, Q.cols]).toEqual([2, 3]);
    expect(Q.re.map(rationalToString)).toEqual(['1', '1/2', '1/4', '0', '-1', '2']);
    expect(Q.im.map(rationalToString)).toEqual(['1/3', '0', '0', '0', '0', '-1/2']);
    expect(Q.hasFloatEntries).toBe(true);
    const R = parse('{"re": [[1, 2], [3, 4]]}');
    expect(R.im.map(rationalToString)).toEqual(['0', '0', '0', '0']);
  });

  it('a float entry in "im" alone marks the matrix as float64 input', () => {
    expect(parse('{"re": [[1]], "im": [[0.5]]}').hasFloatEntries).toBe(true);
  });

  it('every finite JSON number reads back to the same double (shortest decimal, correctly rounded back)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 6 }), (xs) => {
        const Q = parse(JSON.stringify({ re: [xs] }));
        Q.re.forEach((q, k) => expect(Object.is(rationalToNumber(q), xs[k] === 0 ? 0 : xs[k])).toBe(true));
      }),
      fcParams('json numbers round trip', 300),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

describe('readMatrixFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-matrix-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing file: "cannot read …: no such file"', () => {
    const path = join(dir, 'missing.json');
    expect(inputErrorOf(() => readMatrixFile(path)).message).toBe(`cannot read ${path}: no such file`);
  });
  it('a directory: "cannot read …: is a directory"', () => {
    const path = join(dir, 'a-directory');
    mkdirSync(path);
    expect(inputErrorOf(() => readMatrixFile(path)).message).toBe(`cannot read ${path}: is a directory`);
  });
  it('a file with bad content: the message names the file', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"re": [[1, 0], [0]]}');
    expect(inputErrorOf(() => readMatrixFile(path)).message).toBe(`${path}: "re" row 2 has 1 entries, expected 2`);
  });
  it('a good file: read exactly', () => {
    const path = join(dir, 'singlet.json');
    writeFileSync(
      path,
      JSON.stringify({
        re: [
          [0, 0, 0, 0],
          [0, '1/2', '-1/2', 0],
          [0, '-1/2', '1/2', 0],
          [0, 0, 0, 0],
        ],
      }),
    );
    const Q = readMatrixFile(path);
    expect([Q.rows, Q.cols, Q.hasFloatEntries]).toEqual([4, 4, false]);
    expect(rationalToString(Q.re[6])).toBe('-1/2');
  });
});

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

describe('matrixToJson round-trips through parseMatrixJson', () => {
  it('at 50 digits, exactly (states and random complex matrices, through JSON text)', () => {
    fc.assert(
      fc.property(stateSpec({ maxDim: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 0xffffffff }), (spec, cols, seed) => {
        for (const M of [buildState(D50, spec), uniformMatrix(D50, spec.n, cols, seed)]) {
          const back = rationalToField(D50, parse(JSON.stringify(matrixToJson(D50, M))));
          expect([back.rows, back.cols]).toEqual([M.rows, M.cols]);
          // 50 significant digits written, 50-digit values: the decimal strings are the values
          back.re.forEach((x, k) => expect(x.eq(M.re[k])).toBe(true));
          back.im.forEach((x, k) => expect(x.eq(M.im[k])).toBe(true));
        }
      }),
      fcParams('matrixToJson round trip 50', 40),
    );
  });

  it('in float64 with 17 digits, exactly (the default 15 = float64.digits is lossy by design)', () => {
    fc.assert(
      fc.property(stateSpec({ maxDim: 5 }), (spec) => {
        const M = buildState(float64, spec);
        const back = rationalToField(float64, parse(JSON.stringify(matrixToJson(float64, M, 17))));
        back.re.forEach((x, k) => expect(x).toBe(M.re[k]));
        back.im.forEach((x, k) => expect(x).toBe(M.im[k]));
      }),
      fcParams('matrixToJson round trip float64', 100),
    );
  });

  it('writes strings, row by row, with the requested number of digits', () => {
    const M = {
      rows: 1,
      cols: 3,
      re: [D50.fromString('0.33333333333333333333333333333333333333333333333333'), D50.fromNumber(100.5), D50.zero],
      im: [D50.zero, D50.fromNumber(-2), D50.fromString('1e-60')],
    };
    expect(matrixToJson(D50, M, 5)).toEqual({ re: [['0.33333', '100.5', '0']], im: [['0', '-2', '1e-60']] });
    // float64 with few digits keeps significant trailing zeros of integers ("100", not "1")
    expect(matrixToJson(float64, { rows: 1, cols: 2, re: [100.4, 99.96], im: [0, 0] }, 3)).toEqual({ re: [['100', '100']], im: [['0', '0']] });
  });
});
