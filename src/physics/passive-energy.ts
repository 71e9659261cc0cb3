/**
 * The rigorous assembly of the ergotropy from certified spectra: passive energy Σ_k r_k↓ ε_k↑ and
 * W = Tr(ρH) − Σ_k r_k↓ ε_k↑, with a bound that covers everything between the true spectra and the
 * returned (rounded) values.
 *
 * Inputs are computed eigenvalues with certificates (each sorted computed value within `bound` of
 * the true one of the same rank) and the energy with its own bound. The sums are formed exactly in
 * rational arithmetic from the exact values of the inputs; the only roundings are those of the
 * final values into the caller's field, and each is measured exactly and added to the bound. Any
 * producer of certified spectra (the eigensolver, a block-structured steady state) can call it.
 */
import { InternalError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import { exactValue, rmax, roundInto, upperBoundIn } from '../numeric/exact-bounds.js';
import { parseUnreduced } from '../numeric/fixed.js';
import { RZERO, rabs, radd, rational, rcmp, rmul, rneg, rsub, type Rational } from '../numeric/rational.js';

/**
 * Computed eigenvalues (with multiplicity, any order; field values or exact rationals) and a
 * certificate for them. A union of separately certified spectra (the blocks of a block-diagonal
 * state, say, each scaled by exact weights) qualifies with the largest of their bounds: each
 * computed value is within it of a distinct true eigenvalue, and sorting both lists never
 * increases the largest distance of such a matching.
 */
export interface CertifiedSpectrum<T> {
  values: readonly (T | Rational)[];
  /** Sorted alike, each computed value is within `bound` of the true eigenvalue of the same rank. */
  bound: T | Rational;
}

/** A computed quantity and a rigorous bound on its distance from the true value. */
export interface Bounded<T> {
  value: T | Rational;
  bound: T | Rational;
}

export interface CertifiedErgotropy<T> {
  /** W = energy − passiveEnergy, rounded into F. */
  ergotropy: T;
  /** |ergotropy − W_true| ≤ ergotropyBound (every rounding included, that into F too). */
  ergotropyBound: T;
  energy: T;
  energyBound: T;
  /** Σ_k r_k↓ ε_k↑, rounded into F. */
  passiveEnergy: T;
  passiveEnergyBound: T;
  /** The eigenvalues of ρ, decreasing, rounded into F. */
  populations: T[];
  /** Each of `populations` is within populationBound of the true eigenvalue of the same rank. */
  populationBound: T;
  /** The largest of the four bounds above: every returned value is within it of the true one. */
  errorBound: T;
  /** The same quantities exactly as assembled, before rounding into F (bounds included). */
  exact: { ergotropy: Rational; passiveEnergy: Rational; energy: Rational; bound: { ergotropy: Rational; passiveEnergy: Rational; energy: Rational } };
}

const isRational = (x: unknown): x is Rational => typeof x === 'object' && x !== null && 'num' in x && 'den' in x && typeof (x as Rational).num === 'bigint';

function toExact<T>(F: Field<T>, x: T | Rational): Rational {
  return isRational(x) ? x : exactValue(F, x as T);
}

/**
 * toExact, but a decimal value left unreduced (its digits over a power of ten): exactSum adds
 * such values per denominator, and only the sums are reduced. Not to be returned as is.
 */
function toExactTerm<T>(F: Field<T>, x: T | Rational): Rational {
  return isRational(x) ? x : F.kind === 'decimal' ? parseUnreduced(String(x)) : exactValue(F, x as T);
}

/**
 * Σ_k a_k·b_k (b omitted: Σ_k a_k) exactly, in lowest terms. The terms are added per denominator
 * first, without a gcd: decimal values share a few powers of ten, so Euclid's algorithm runs once
 * per distinct denominator instead of once per term.
 */
function exactSum(a: readonly Rational[], b?: readonly Rational[]): Rational {
  const byDen = new Map<bigint, bigint>();
  for (let k = 0; k < a.length; k++) {
    const num = b ? a[k].num * b[k].num : a[k].num;
    if (num === 0n) continue;
    const den = b ? a[k].den * b[k].den : a[k].den;
    byDen.set(den, (byDen.get(den) ?? 0n) + num);
  }
  let sum = RZERO;
  for (const [den, num] of byDen) sum = radd(sum, rational(num, den));
  return sum;
}

/**
 * Passive energy and ergotropy from the certified spectra of ρ (`populations`) and H (`levels`) and
 * the energy Tr(ρH) with its bound. Results are rounded into F, each rounding added to its bound.
 * Throws InternalError if the assembled W is below −(its bound): impossible for true inputs.
 *
 *   certifiedErgotropy(D, { value: energy, bound: energyBound },
 *                      { values: populations, bound: populationBound },
 *                      { values: levels, bound: RZERO })   // e.g. exact levels ω·m as Rationals
 */
export function certifiedErgotropy<T>(F: Field<T>, energy: Bounded<T>, populations: CertifiedSpectrum<T>, levels: CertifiedSpectrum<T>): CertifiedErgotropy<T> {
  const n = populations.values.length;
  if (levels.values.length !== n) throw new RangeError(`certifiedErgotropy: ${n} populations but ${levels.values.length} levels`);
  // each population with its exact value, decreasing; a decimal one keeps its string, from which
  // rounding into F is one toSignificantDigits (the same correctly rounded value as dividing the
  // exact fraction, without a long division)
  const rs = populations.values
    .map((x) => {
      const text = F.kind === 'decimal' && !isRational(x) ? String(x) : null;
      return { exact: text === null ? toExactTerm(F, x) : parseUnreduced(text), text };
    })
    .sort((a, b) => rcmp(b.exact, a.exact));
  const r = rs.map((x) => x.exact);
  const e = levels.values.map((x) => toExactTerm(F, x)).sort(rcmp); // increasing
  const betaR = toExact(F, populations.bound);
  const betaE = toExact(F, levels.bound);
  if (betaR.num < 0n || betaE.num < 0n) throw new RangeError('certifiedErgotropy: a bound is negative');
  // |Σ r_k ε_k − Σ r̃_k ε̃_k| ≤ Σ |r_k − r̃_k||ε_k| + |r̃_k||ε_k − ε̃_k| ≤ βr·Σ(|ε̃_k| + βε) + βε·Σ|r̃_k|
  const passive = exactSum(r, e);
  const sumAbsE = exactSum(e.map(rabs));
  const sumAbsR = exactSum(r.map(rabs));
  const passiveBound = radd(rmul(betaR, radd(sumAbsE, rmul({ num: BigInt(n), den: 1n }, betaE))), rmul(betaE, sumAbsR));
  const E = toExact(F, energy.value);
  const energyBound = toExact(F, energy.bound);
  const W = rsub(E, passive);
  const wBound = radd(energyBound, passiveBound);
  if (rcmp(W, rneg(wBound)) < 0) {
    throw new InternalError(
      `ergotropy: assembled W = ${F.toString(F.fromRational(W), 6)} is below −(its bound ${F.toString(upperBoundIn(F, wBound), 3)}); this is a bug in ergocheck`,
    );
  }
  const w = roundInto(F, W);
  const en = roundInto(F, E);
  const pe = roundInto(F, passive);
  // the rounding of each population adds to its own distance; one bound covers them all: βr plus
  // the largest rounding (the roundings compared unreduced, the bound reduced once)
  let worst = RZERO;
  const pops = rs.map(({ exact: x, text }) => {
    const value = text === null ? F.fromRational(x) : F.fromString(text);
    const v = toExactTerm(F, value);
    const d = v.num * x.den - x.num * v.den;
    const error = { num: d < 0n ? -d : d, den: v.den * x.den };
    if (rcmp(error, worst) > 0) worst = error;
    return value;
  });
  const popBound = radd(betaR, worst);
  const wb = radd(wBound, w.error);
  const eb = radd(energyBound, en.error);
  const pb = radd(passiveBound, pe.error);
  const all = [wb, eb, pb, popBound].reduce(rmax, RZERO);
  return {
    ergotropy: w.value,
    ergotropyBound: upperBoundIn(F, wb),
    energy: en.value,
    energyBound: upperBoundIn(F, eb),
    passiveEnergy: pe.value,
    passiveEnergyBound: upperBoundIn(F, pb),
    populations: pops,
    populationBound: upperBoundIn(F, popBound),
    errorBound: upperBoundIn(F, all),
    exact: { ergotropy: W, passiveEnergy: passive, energy: E, bound: { ergotropy: wBound, passiveEnergy: passiveBound, energy: energyBound } },
  };
}
