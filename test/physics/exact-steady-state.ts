/**
 * An independent exact route to the β = 0 collective steady state of an exact rational ρ0, for
 * testing the bound of steadyStateSummary: no Schur–Weyl basis, no square roots, only the ladder
 * operators J± (integer matrices) and rational arithmetic.
 *
 * With |j, −j + d, α⟩ = c_d J+^d |j, −j, α⟩, c_d² = 1/Π_{e=1}^{d} e(2j − e + 1), the block of spin j is
 * M_j = ⟨j, −j, ·| X_j |j, −j, ·⟩ with X_j = Σ_d c_d² J−^d ρ0 J+^d, and
 *   ρ_ss = Σ_j Σ_{d'} w_{j,d'} c_{d'}² J+^{d'} P_j X_j P_j J−^{d'},
 * P_j the orthogonal projector onto the lowest-weight vectors of spin j, i.e. onto ker J− in the
 * sector of k0 = N/2 − j excitations: P_j = I − J+(J−J+)⁻¹J− there (J−J+ is invertible on the
 * sector below, where every spin exceeds j). At β = 0 the weights are w_{j,d'} = 1/(2j + 1). The
 * result is an exact rational 2^N × 2^N matrix; its ergotropy then comes from the dense certified
 * route (ergotropyOfExactState) at much higher precision, with its own bound.
 */
import { RONE, RZERO, radd, rational, rdiv, rmul, rsub, type Rational, type RationalMatrix } from '../../src/numeric/rational.js';

type C = [Rational, Rational];
type CM = Map<number, C>; // sparse: key x·d + y

const popcount = (x: number): number => {
  let c = 0;
  for (let y = x; y !== 0; y &= y - 1) c++;
  return c;
};

/** Number of excited qubits of basis index x (bit 0 = excited). */
export const excitationsOf = (N: number, x: number): number => N - popcount(x);

function addTo(M: CM, key: number, z: C): void {
  const old = M.get(key);
  const v: C = old ? [radd(old[0], z[0]), radd(old[1], z[1])] : z;
  if (v[0].num === 0n && v[1].num === 0n) M.delete(key);
  else M.set(key, v);
}

/** J− Y J+ (down = true: one excitation fewer on both sides) or J+ Y J−. */
function ladder(N: number, Y: CM, down: boolean): CM {
  const d = 2 ** N;
  const out: CM = new Map();
  const moves = (x: number): number[] => {
    const r: number[] = [];
    for (let b = 0; b < N; b++) {
      const bit = 1 << b;
      // J− turns an excited bit (0) into ground (1); J+ the reverse
      if (down ? (x & bit) === 0 : (x & bit) !== 0) r.push(down ? x | bit : x & ~bit);
    }
    return r;
  };
  for (const [key, z] of Y) {
    const x = Math.floor(key / d);
    const y = key % d;
    for (const a of moves(x)) for (const b of moves(y)) addTo(out, a * d + b, z);
  }
  return out;
}

/** Inverse of a small rational matrix by Gauss–Jordan (rows of rationals). */
function inverse(A: Rational[][]): Rational[][] {
  const n = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? RONE : RZERO))]);
  for (let c = 0; c < n; c++) {
    const p = M.findIndex((row, i) => i >= c && row[c].num !== 0n);
    if (p < 0) throw new Error('exact-steady-state: singular J−J+');
    [M[c], M[p]] = [M[p], M[c]];
    const piv = M[c][c];
    M[c] = M[c].map((x) => rdiv(x, piv));
    for (let i = 0; i < n; i++) {
      if (i === c || M[i][c].num === 0n) continue;
      const f = M[i][c];
      M[i] = M[i].map((x, k) => rsub(x, rmul(f, M[c][k])));
    }
  }
  return M.map((row) => row.slice(n));
}

/** The β = 0 steady state of the collective model from the exact ρ0 (see the file header). */
export function exactSteadyStateAtInfiniteTemperature(N: number, Q: RationalMatrix): RationalMatrix {
  const d = 2 ** N;
  const rho: CM = new Map();
  for (let k = 0; k < d * d; k++) if (Q.re[k].num !== 0n || Q.im[k].num !== 0n) rho.set(k, [Q.re[k], Q.im[k]]);
  const sectors: number[][] = Array.from({ length: N + 1 }, () => []);
  for (let x = 0; x < d; x++) sectors[excitationsOf(N, x)].push(x);
  const out: CM = new Map();
  for (let twoJ = N; twoJ >= 0; twoJ -= 2) {
    const k0 = (N - twoJ) / 2;
    // X_j on sector k0
    const X: CM = new Map();
    let Y = rho;
    let c2 = RONE;
    for (let dd = 0; dd <= twoJ; dd++) {
      if (dd > 0) {
        Y = ladder(N, Y, true);
        c2 = rdiv(c2, rational(BigInt(dd * (twoJ - dd + 1))));
      }
      for (const [key, z] of Y) {
        const x = Math.floor(key / d);
        const y = key % d;
        if (excitationsOf(N, x) === k0 && excitationsOf(N, y) === k0) addTo(X, key, [rmul(z[0], c2), rmul(z[1], c2)]);
      }
    }
    // P_j = I − Aᵀ(AAᵀ)⁻¹A on sector k0, A = J−: sector k0 → k0 − 1
    const s = sectors[k0];
    const pos = new Map(s.map((x, i) => [x, i]));
    let P: Rational[][] = s.map((_, i) => s.map((__, j) => (i === j ? RONE : RZERO)));
    if (k0 > 0) {
      const below = sectors[k0 - 1];
      const bpos = new Map(below.map((x, i) => [x, i]));
      const A: Rational[][] = below.map(() => s.map(() => RZERO));
      s.forEach((x, i) => {
        for (let b = 0; b < N; b++) if ((x & (1 << b)) === 0) A[bpos.get(x | (1 << b))!][i] = RONE;
      });
      const AAt = below.map((_, a) => below.map((__, b) => s.reduce((acc, ___, i) => radd(acc, rmul(A[a][i], A[b][i])), RZERO)));
      const inv = inverse(AAt);
      // Aᵀ inv A
      const invA = inv.map((row) => s.map((_, i) => row.reduce((acc, x, b) => radd(acc, rmul(x, A[b][i])), RZERO)));
      P = s.map((_, i) =>
        s.map((__, j) =>
          rsub(
            i === j ? RONE : RZERO,
            below.reduce((acc, ___, a) => radd(acc, rmul(A[a][i], invA[a][j])), RZERO),
          ),
        ),
      );
    }
    // Z_0 = P X P, embedded
    const n = s.length;
    const Xd: C[][] = s.map(() => s.map((): C => [RZERO, RZERO]));
    for (const [key, z] of X) Xd[pos.get(Math.floor(key / d))!][pos.get(key % d)!] = z;
    const PX: C[][] = s.map((_, i) =>
      s.map((__, j) => Xd.reduce((acc: C, row, k): C => [radd(acc[0], rmul(P[i][k], row[j][0])), radd(acc[1], rmul(P[i][k], row[j][1]))], [RZERO, RZERO])),
    );
    let Z: CM = new Map();
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let re = RZERO;
        let im = RZERO;
        for (let k = 0; k < n; k++) {
          re = radd(re, rmul(PX[i][k][0], P[k][j]));
          im = radd(im, rmul(PX[i][k][1], P[k][j]));
        }
        if (re.num !== 0n || im.num !== 0n) Z.set(s[i] * d + s[j], [re, im]);
      }
    const w = rational(1n, BigInt(twoJ + 1));
    c2 = RONE;
    for (let dd = 0; dd <= twoJ; dd++) {
      if (dd > 0) {
        Z = ladder(N, Z, false);
        c2 = rdiv(c2, rational(BigInt(dd * (twoJ - dd + 1))));
      }
      const f = rmul(w, c2);
      for (const [key, z] of Z) addTo(out, key, [rmul(z[0], f), rmul(z[1], f)]);
    }
  }
  const re = new Array<Rational>(d * d).fill(RZERO);
  const im = new Array<Rational>(d * d).fill(RZERO);
  for (const [key, z] of out) {
    re[key] = z[0];
    im[key] = z[1];
  }
  return { rows: d, cols: d, re, im, hasFloatEntries: false };
}

/** Tr(ρ_ss H0) exactly, H0 = ω·(excitations). */
export function exactEnergyH0(N: number, R: RationalMatrix, omega: Rational): Rational {
  const d = 2 ** N;
  let s = RZERO;
  for (let x = 0; x < d; x++) s = radd(s, rmul(R.re[x * d + x], rational(BigInt(excitationsOf(N, x)))));
  return rmul(s, omega);
}
