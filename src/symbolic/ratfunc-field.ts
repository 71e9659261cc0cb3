/**
 * Rational functions as a Field, so that the generic numeric code (matrices, qubit operators)
 * runs symbolically: entries are exact elements of Q(c, y, ω, …). Exact: no rounding anywhere.
 * Not ordered: cmp, abs, sign and sqrt throw (a sign is decided with sturm.ts, never by this field).
 */
import type { Field } from '../numeric/field.js';
import { rationalToNumber, parseRational, type Rational } from '../numeric/rational.js';
import { rfadd, rfConst, rfdiv, rfisZero, rfmul, rfneg, rfsub, rftoString, type RatFunc } from './ratfunc.js';
import { pisConstant, pconstantValue } from './poly.js';

const unordered = (op: string): never => {
  throw new RangeError(`ratFuncField: ${op} is not defined for rational functions (decide signs with sturm.ts)`);
};

/** The constant value of a, if a is constant. */
export function rfConstantValue(a: RatFunc): Rational | undefined {
  if (!pisConstant(a.num) || !pisConstant(a.den)) return undefined;
  const n = pconstantValue(a.num);
  const d = pconstantValue(a.den);
  return { num: n.num * d.den, den: n.den * d.num };
}

export const ratFuncField: Field<RatFunc> = {
  kind: 'exact',
  name: 'rational functions',
  digits: Infinity,
  unitRoundoff: 0,
  errorModel: 'relative',
  epsilon: rfConst(0),
  zero: rfConst(0),
  one: rfConst(1),
  fromNumber: (x) => rfConst(parseRational(String(x))),
  fromRational: (q) => rfConst(q),
  fromString: (s) => rfConst(parseRational(s)),
  add: rfadd,
  sub: rfsub,
  mul: rfmul,
  mulWide: rfmul,
  reduceWide: (a) => a,
  div: rfdiv,
  neg: rfneg,
  abs: () => unordered('abs'),
  sqrt: () => unordered('sqrt'),
  scale2: (a, k) => rfmul(a, rfConst({ num: k >= 0 ? 2n ** BigInt(k) : 1n, den: k >= 0 ? 1n : 2n ** BigInt(-k) })),
  cmp: () => unordered('cmp'),
  sign: () => unordered('sign'),
  isZero: rfisZero,
  toNumber: (a) => {
    const q = rfConstantValue(a);
    return q === undefined ? NaN : rationalToNumber(q);
  },
  toString: (a) => rftoString(a),
};
