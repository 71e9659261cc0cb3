/**
 * Hard exact states and Hamiltonians with exactly known spectra, for testing certified bounds:
 * X = U·diag(λ)·U† with λ exact rationals and U an exact unitary over the Gaussian rationals —
 * a diagonal of rational phases ((a² − b²) + 2abi)/(a² + b²) times Householder reflections
 * I − 2vv†/(v†v) with small Gaussian-integer v. The spectrum λ is then known exactly, so the true
 * ergotropy is W = Tr(ρH) − Σ r↓ε↑ in exact rational arithmetic, independent of any eigensolver.
 *
 * Spectra: generic, exactly degenerate, clustered (eigenvalues 10^-k apart, k up to 28),
 * rank-deficient; dimensions 2–16.
 */
import fc from 'fast-check';
import { RZERO, radd, rational, rcmp, rdiv, rmul, rneg, rsub, type Rational, type RationalMatrix } from '../../src/numeric/rational.js';

type C = [Rational, Rational];
const cadd = (a: C, b: C): C => [radd(a[0], b[0]), radd(a[1], b[1])];
const csub = (a: C, b: C): C => [rsub(a[0], b[0]), rsub(a[1], b[1])];
const cmul = (a: C, b: C): C => [rsub(rmul(a[0], b[0]), rmul(a[1], b[1])), radd(rmul(a[0], b[1]), rmul(a[1], b[0]))];
const conj = (a: C): C => [a[0], rneg(a[1])];
const cscale = (a: C, t: Rational): C => [rmul(a[0], t), rmul(a[1], t)];
const int = (k: number): Rational => rational(BigInt(k));

/** A Hermitian matrix as rows of complex rationals. */
type CM = C[][];

export interface UnitarySpec {
  /** Integer pairs (a, b) ≠ (0, 0) for the phases, one per row. */
  phases: [number, number][];
  /** Householder vectors, each n Gaussian integers (re, im) not all zero. */
  reflectors: [number, number][][];
}

export interface ExactSpectrumSpec {
  n: number;
  kind: 'generic' | 'degenerate' | 'clustered' | 'rank-deficient';
  /** The exact eigenvalues, as given (not sorted). */
  values: Rational[];
  unitary: UnitarySpec;
}

/** U·diag(λ)·U† exactly. */
export function buildExact(spec: ExactSpectrumSpec): RationalMatrix {
  const n = spec.n;
  let M: CM = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): C => [i === j ? spec.values[i] : RZERO, RZERO]));
  for (const v of spec.unitary.reflectors)
    M = reflect(
      M,
      v.map(([a, b]): C => [int(a), int(b)]),
    );
  const d = spec.unitary.phases.map(([a, b]): C => {
    const s = int(a * a + b * b);
    return [rdiv(int(a * a - b * b), s), rdiv(int(2 * a * b), s)];
  });
  M = M.map((row, i) => row.map((x, j) => cmul(cmul(d[i], x), conj(d[j]))));
  return { rows: n, cols: n, re: M.flat().map((x) => x[0]), im: M.flat().map((x) => x[1]), hasFloatEntries: false };
}

/** P M P with P = I − 2vv†/(v†v) (Hermitian, unitary). */
function reflect(M: CM, v: C[]): CM {
  const n = v.length;
  let s = RZERO;
  for (const x of v) s = radd(s, radd(rmul(x[0], x[0]), rmul(x[1], x[1])));
  if (s.num === 0n) return M;
  const t = rdiv(int(2), s);
  // w = M v, y = v† M, c = v† M v
  const w: C[] = M.map((row) => row.reduce((acc, x, k) => cadd(acc, cmul(x, v[k])), [RZERO, RZERO] as C));
  const y: C[] = Array.from({ length: n }, (_, j) => M.reduce((acc, row, k) => cadd(acc, cmul(conj(v[k]), row[j])), [RZERO, RZERO] as C));
  const c = v.reduce((acc, x, k) => cadd(acc, cmul(conj(x), w[k])), [RZERO, RZERO] as C);
  // PMP = M − t·v y − t·w v† + t²·c·v v†
  return M.map((row, i) =>
    row.map((x, j) => {
      let z = csub(x, cscale(cmul(v[i], y[j]), t));
      z = csub(z, cscale(cmul(w[i], conj(v[j])), t));
      return cadd(z, cscale(cmul(cmul(v[i], c), conj(v[j])), rmul(t, t)));
    }),
  );
}

const gaussianInt = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }));

export function unitaryArb(n: number): fc.Arbitrary<UnitarySpec> {
  return fc.record({
    phases: fc.array(
      gaussianInt.filter(([a, b]) => a !== 0 || b !== 0),
      { minLength: n, maxLength: n },
    ),
    reflectors: fc.array(fc.array(gaussianInt, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 3 }),
  });
}

/** Eigenvalues of a density matrix: exact, ≥ 0, summing to 1, of the given kind. */
export function populationsArb(n: number, kind: ExactSpectrumSpec['kind']): fc.Arbitrary<Rational[]> {
  const weights = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: n, maxLength: n });
  const normalise = (w: Rational[]): Rational[] => {
    const s = w.reduce(radd, RZERO);
    return w.map((x) => rdiv(x, s));
  };
  switch (kind) {
    case 'generic':
      return weights.map((w) => normalise(w.map(int)));
    case 'rank-deficient':
      return fc.tuple(weights, fc.integer({ min: 1, max: n - 1 })).map(([w, zeros]) => normalise(w.map((x, i) => (i < zeros ? RZERO : int(x)))));
    case 'degenerate':
      // few distinct values, each repeated
      return fc
        .tuple(weights, fc.integer({ min: 1, max: Math.max(1, Math.floor(n / 2)) }))
        .map(([w, distinct]) => normalise(w.map((_, i) => int(w[i % distinct]))));
    case 'clustered':
      // groups of values 10^-k apart (k = 20…28) around a few centres
      return fc
        .tuple(
          weights,
          fc.integer({ min: 1, max: Math.max(1, Math.floor(n / 2)) }),
          fc.integer({ min: 20, max: 28 }),
          fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }),
        )
        .map(([w, centres, k, offsets]) => {
          const eps = rational(1n, 10n ** BigInt(k));
          const base = w.map((_, i) => int(w[i % centres]));
          const s = base.reduce(radd, RZERO);
          // offsets summing to zero keep the trace exact: subtract their mean from the last entry
          const off = offsets.map((o) => rmul(int(o), eps));
          const total = off.reduce(radd, RZERO);
          off[n - 1] = rsub(off[n - 1], total);
          const vals = base.map((x, i) => radd(rdiv(x, s), off[i]));
          // keep them ≥ 0 (a centre weight ≥ 1/(60n) dwarfs 10^-20)
          return vals;
        });
  }
}

/** Levels of a Hamiltonian: small rationals, with degeneracies and clusters too. */
export const levelsArb = (n: number): fc.Arbitrary<Rational[]> =>
  fc.oneof(
    fc.array(
      fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 7 })).map(([p, q]) => rational(BigInt(p), BigInt(q))),
      { minLength: n, maxLength: n },
    ),
    fc.array(fc.integer({ min: 0, max: 3 }).map(int), { minLength: n, maxLength: n }),
    fc
      .tuple(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n }), fc.integer({ min: 20, max: 28 }))
      .map(([ks, k]) => ks.map((x, i) => radd(int(x % 2), rmul(int(i % 3), rational(1n, 10n ** BigInt(k)))))),
  );

export const KINDS = ['generic', 'degenerate', 'clustered', 'rank-deficient'] as const;

/** An exact state of dimension n with exactly known spectrum. */
export function stateArb(n: number, kinds: readonly ExactSpectrumSpec['kind'][] = KINDS): fc.Arbitrary<ExactSpectrumSpec> {
  return fc
    .constantFrom(...kinds)
    .chain((kind) => fc.record({ n: fc.constant(n), kind: fc.constant(kind), values: populationsArb(n, kind), unitary: unitaryArb(n) }));
}

/** An exact Hermitian H of dimension n with exactly known levels (diagonal when `diagonal`). */
export function hamiltonianArb(n: number): fc.Arbitrary<ExactSpectrumSpec & { diagonal: boolean }> {
  return fc.record({ n: fc.constant(n), kind: fc.constant('generic' as const), values: levelsArb(n), unitary: unitaryArb(n), diagonal: fc.boolean() });
}

export function buildHamiltonian(spec: ExactSpectrumSpec & { diagonal: boolean }): RationalMatrix {
  if (!spec.diagonal) return buildExact(spec);
  const n = spec.n;
  return {
    rows: n,
    cols: n,
    re: Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? spec.values[k / (n + 1)] : RZERO)),
    im: new Array<Rational>(n * n).fill(RZERO),
    hasFloatEntries: false,
  };
}

/** Tr(ρH) exactly. */
export function exactEnergy(rho: RationalMatrix, H: RationalMatrix): Rational {
  const n = rho.rows;
  let s = RZERO;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a: C = [rho.re[i * n + j], rho.im[i * n + j]];
      const b: C = [H.re[j * n + i], H.im[j * n + i]];
      s = radd(s, cmul(a, b)[0]);
    }
  return s;
}

/** Σ r↓ ε↑ exactly. */
export function exactPassiveEnergy(r: readonly Rational[], e: readonly Rational[]): Rational {
  const rs = r.slice().sort((a, b) => rcmp(b, a));
  const es = e.slice().sort(rcmp);
  return rs.reduce((acc, x, k) => radd(acc, rmul(x, es[k])), RZERO);
}
