/**
 * The ergotropy as a piecewise rational function: on each cell of an eigenvalue ordering, the
 * eigenvalues in decreasing order (with multiplicity) are paired with the levels of H in increasing
 * order, W = Tr(ρH) − Σ_k r_k↓ ε_k↑ (the passive-state energy), and cells with
 * identical expressions are merged into one piece.
 */
import { rfadd, rfConst, rfmul, rfsub, identical, type RatFunc } from '../symbolic/ratfunc.js';
import type { Level, Ordering, OrderingCell } from './ordering.js';
import { rfReduce } from './polynomial-gcd.js';

export interface ErgotropyPiece {
  /** W on the piece, over Q(params). */
  readonly value: RatFunc;
  /** The cells where it holds (their closures; W is continuous across ties). */
  readonly cells: readonly OrderingCell[];
  /** The distinct decreasing orders met on the piece. */
  readonly orders: readonly (readonly number[])[];
}

export interface PiecewiseErgotropy {
  readonly pieces: readonly ErgotropyPiece[];
  readonly how: string;
}

/** Σ_k r_k↓ ε_k↑ for one decreasing order of the state's levels and the increasing levels of H. */
export function passiveEnergy(levels: readonly Level[], order: readonly number[], hamiltonian: readonly Level[]): RatFunc {
  const energies: RatFunc[] = [];
  for (const h of hamiltonian) for (let m = 0; m < h.multiplicity; m++) energies.push(h.value);
  let s = rfConst(0);
  let slot = 0;
  for (const i of order)
    for (let m = 0; m < levels[i].multiplicity; m++, slot++) {
      if (slot >= energies.length) throw new RangeError('passiveEnergy: more eigenvalues than levels of H');
      s = rfadd(s, rfmul(levels[i].value, energies[slot]));
    }
  if (slot !== energies.length) throw new RangeError(`passiveEnergy: ${slot} eigenvalues for ${energies.length} levels of H`);
  return s;
}

/** W on every cell of `ordering` for a state of energy `energy`, merged into pieces. */
export function piecewiseErgotropy(energy: RatFunc, ordering: Ordering, hamiltonian: readonly Level[]): PiecewiseErgotropy {
  const pieces: { value: RatFunc; cells: OrderingCell[]; orders: (readonly number[])[] }[] = [];
  const byOrder = new Map<string, RatFunc>();
  for (const cell of ordering.cells) {
    const key = cell.order.join(',');
    let W = byOrder.get(key);
    if (!W) byOrder.set(key, (W = rfReduce(rfsub(energy, passiveEnergy(ordering.levels, cell.order, hamiltonian)))));
    const hit = pieces.find((p) => identical(p.value, W!).identical);
    if (hit) {
      hit.cells.push(cell);
      if (!hit.orders.some((o) => o.join(',') === key)) hit.orders.push(cell.order);
    } else pieces.push({ value: W, cells: [cell], orders: [cell.order] });
  }
  return {
    pieces,
    how: `passive pairing (eigenvalues decreasing, levels of H increasing) on each of ${ordering.cells.length} cells; ${pieces.length} distinct expressions after merging identical ones`,
  };
}

/** The levels of H0 = ω·(number of excitations) for N qubits, increasing, with multiplicities C(N, k). */
export function excitationLevels(N: number, omega: RatFunc): Level[] {
  const out: Level[] = [];
  let b = 1;
  for (let k = 0; k <= N; k++) {
    out.push({ value: rfmul(rfConst(k), omega), multiplicity: b, label: `${k}ω` });
    b = (b * (N - k)) / (k + 1);
  }
  return out;
}
