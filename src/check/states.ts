/**
 * The states a user claim is about, by two independent routes:
 *   numericState — first principles at a point: the collective steady state by the Schur–Weyl map
 *                  of src/physics (the two-qubit family from its initial state
 *                  c|00⟩⟨00| + (1 − c)|ψ−⟩⟨ψ−|), Gibbs states, explicit matrices, at ≥ 50 digits;
 *   exactState   — the state over Q(y, c) (y = e^{−βω}) where its entries are rational: the
 *                  symmetric steady state y^k / (C(N, k) Σ_n y^n) on each excitation sector, the
 *                  two-qubit family (1 − c)|ψ−⟩⟨ψ−| + c Gibbs_{j=1}, Gibbs states, explicit states.
 */
import type { DecimalField } from '../numeric/decimal.js';
import { zeros, type CMatrix } from '../numeric/matrix.js';
import { radd, rational, rmul, type Rational } from '../numeric/rational.js';
import { rationalToField } from '../physics/density.js';
import { collectiveCoupling } from '../physics/lindblad.js';
import { excitations } from '../physics/qubits.js';
import { binomial, dickeState, twoQubitBellBasis, gibbsState, type StateVector } from '../physics/states.js';
import { collectiveSteadyState } from '../physics/steady-state.js';
import { ratFuncField as R } from '../symbolic/ratfunc-field.js';
import { rfConst, rfVar, type RatFunc } from '../symbolic/ratfunc.js';
import type { StateSpec } from './claims-file.js';

type Dec = DecimalField['zero'];

/** Parameter values at a probe point (decimals of the working field). */
export interface StatePoint {
  readonly beta: Dec;
  readonly omega: Dec;
  readonly c: Dec;
}

const basisVector = (D: DecimalField, d: number, i: number): StateVector<Dec> => ({
  re: Array.from({ length: d }, (_, k) => (k === i ? D.one : D.zero)),
  im: new Array<Dec>(d).fill(D.zero),
});

/** c|00⟩⟨00| + (1 − c)|ψ−⟩⟨ψ−| (basis |11⟩, |10⟩, |01⟩, |00⟩): a two-qubit initial state whose steady state has parameter c. */
export function twoQubitInitial<T>(F: { zero: T; one: T; sub(a: T, b: T): T; scale2(a: T, k: number): T; neg(a: T): T }, c: T): CMatrix<T> {
  const rho: CMatrix<T> = { rows: 4, cols: 4, re: new Array<T>(16).fill(F.zero), im: new Array<T>(16).fill(F.zero) };
  const h = F.scale2(F.sub(F.one, c), -1);
  rho.re[15] = c;
  rho.re[5] = rho.re[10] = h;
  rho.re[6] = rho.re[9] = F.neg(h);
  return rho;
}

/** The state at a point, from first principles (see the module comment). */
export function numericState(D: DecimalField, spec: StateSpec, N: number, p: StatePoint): CMatrix<Dec> {
  const thermal = { beta: p.beta, omega: p.omega };
  const steady = (initial: CMatrix<Dec> | StateVector<Dec>): CMatrix<Dec> =>
    collectiveSteadyState(D, collectiveCoupling(D, N, { ...thermal, gamma0: D.one, timeScale: 'normalised' }), initial).rho;
  const d = 2 ** N;
  switch (spec.family) {
    case 'two-qubit':
      return steady(twoQubitInitial(D, p.c));
    case 'gibbs':
      return gibbsState(D, N, thermal);
    case 'explicit':
      return rationalToField(D, spec.matrix!);
    case 'steady-state': {
      const init = spec.initial!;
      switch (init.kind) {
        case 'ground':
          return steady(basisVector(D, d, d - 1));
        case 'excited':
          return steady(basisVector(D, d, 0));
        case 'thermal':
          return steady(gibbsState(D, N, thermal));
        case 'dicke':
          return steady(dickeState(D, N, init.k));
        case 'psi-plus':
          return steady(twoQubitBellBasis(D).psiPlus);
        case 'psi-minus':
          return steady(twoQubitBellBasis(D).psiMinus);
        case 'matrix':
          return steady(rationalToField(D, init.matrix));
      }
    }
  }
}

export type ExactState = { readonly ok: true; readonly rho: CMatrix<RatFunc>; readonly how: string } | { readonly ok: false; readonly reason: string };

const y = rfVar('y');

/** Σ_{n=0}^{m} y^n. */
function geometric(m: number): RatFunc {
  let s = R.zero;
  let p = R.one;
  for (let n = 0; n <= m; n++) {
    s = R.add(s, p);
    p = R.mul(p, y);
  }
  return s;
}

/** The symmetric steady state: y^k / (C(N, k) Σ_n y^n) on all pairs of basis states with k excitations each. */
function symmetricSteady(N: number): CMatrix<RatFunc> {
  const d = 2 ** N;
  const Z = geometric(N);
  const w: RatFunc[] = [];
  let p = R.one;
  for (let k = 0; k <= N; k++) {
    w.push(R.div(p, R.mul(rfConst(binomial(N, k)), Z)));
    p = R.mul(p, y);
  }
  const rho = zeros(R, d);
  const k = Array.from({ length: d }, (_, a) => excitations(a, N));
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (k[a] === k[b]) rho.re[a * d + b] = w[k[a]];
  return rho;
}

/** The product Gibbs state: y^k / (1 + y)^N on the diagonal. */
function gibbsExact(N: number): CMatrix<RatFunc> {
  const d = 2 ** N;
  let Z = R.one;
  for (let i = 0; i < N; i++) Z = R.mul(Z, R.add(R.one, y));
  const rho = zeros(R, d);
  for (let a = 0; a < d; a++) {
    let p = R.one;
    for (let i = 0; i < excitations(a, N); i++) p = R.mul(p, y);
    rho.re[a * d + a] = R.div(p, Z);
  }
  return rho;
}

/** The two-qubit steady state with parameter c: (1 − c)|ψ−⟩⟨ψ−| + (c / Z₊)(y²|11⟩⟨11| + y|ψ+⟩⟨ψ+| + |00⟩⟨00|). */
function twoQubitExact(c: RatFunc): CMatrix<RatFunc> {
  const Zp = geometric(2);
  const cz = R.div(c, Zp);
  const half = rfConst(rational(1n, 2n));
  const minus = R.mul(half, R.sub(R.one, c)); // |ψ−⟩⟨ψ−| has ±1/2 on |10⟩, |01⟩
  const plus = R.mul(half, R.mul(cz, y));
  const rho = zeros(R, 4);
  rho.re[0] = R.mul(cz, R.mul(y, y));
  rho.re[15] = cz;
  rho.re[5] = rho.re[10] = R.add(minus, plus);
  rho.re[6] = rho.re[9] = R.sub(plus, minus);
  return rho;
}

const constantMatrix = (re: readonly Rational[], im: readonly Rational[], n: number): CMatrix<RatFunc> => ({
  rows: n,
  cols: n,
  re: re.map((x) => rfConst(x)),
  im: im.map((x) => rfConst(x)),
});

/** The state over Q(y, c), or why there is no exact route. */
export function exactState(spec: StateSpec, N: number): ExactState {
  switch (spec.family) {
    case 'two-qubit':
      return { ok: true, rho: twoQubitExact(rfVar('c')), how: 'the two-qubit steady state (1 − c)|ψ−⟩⟨ψ−| + c·Gibbs of the triplet, over Q(c, y)' };
    case 'gibbs':
      return { ok: true, rho: gibbsExact(N), how: 'the product Gibbs state over Q(y)' };
    case 'explicit': {
      const Q = spec.matrix!;
      return { ok: true, rho: constantMatrix(Q.re, Q.im, Q.rows), how: 'the explicit state (exact rationals)' };
    }
    case 'steady-state': {
      const init = spec.initial!;
      switch (init.kind) {
        case 'ground':
        case 'excited':
        case 'dicke':
        case 'psi-plus':
          // a symmetric initial state lies in the spin j = N/2 block with weight 1
          return { ok: true, rho: symmetricSteady(N), how: 'the symmetric steady state y^k / (C(N, k) Σ y^n) on each excitation sector, over Q(y)' };
        case 'psi-minus': {
          const h = rational(1n, 2n);
          const re: Rational[] = new Array<Rational>(16).fill({ num: 0n, den: 1n });
          re[5] = re[10] = h;
          re[6] = re[9] = { num: -1n, den: 2n };
          return { ok: true, rho: constantMatrix(re, new Array<Rational>(16).fill({ num: 0n, den: 1n }), 4), how: 'the singlet, which is stationary' };
        }
        case 'thermal':
          return { ok: true, rho: gibbsExact(N), how: 'the product Gibbs state, which is stationary' };
        case 'matrix': {
          if (N !== 2)
            return { ok: false, reason: `no exact route for an explicit initial state of ${N} qubits (its multiplicity blocks are not rational in general)` };
          // two qubits: only c = 1 − ⟨ψ−|ρ0|ψ−⟩ survives
          const x = init.matrix.re;
          // ⟨ψ+|ρ0|ψ+⟩ = (ρ_11 + ρ_22 + ρ_12 + ρ_21)/2 on |10⟩ = 1, |01⟩ = 2
          const c = radd(radd(x[0], x[15]), rmul(rational(1n, 2n), radd(radd(x[5], x[10]), radd(x[6], x[9]))));
          return { ok: true, rho: twoQubitExact(rfConst(c)), how: `the two-qubit steady state with c = ${c.num}/${c.den} read off ρ0 exactly` };
        }
      }
    }
  }
}
