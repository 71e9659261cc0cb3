/**
 * Closed forms the computed figure points are checked against (float64; each a few roundings).
 * Two qubits (Sec. IV A, Eq. (7) family, y = e^{−βω}, Z₊ = 1 + y + y², Z = (1 + y)²):
 *   C_l1 = |c Z/Z₊ − 1|                                      (Eq. (8))
 *   W = ω·max(0, 1 − c − c/Z₊, c y²/Z₊ − (1 − c))            (spectrum of Eq. (9) sorted; at c = 1
 *                                                             this is ωy²/Z₊, not the ω/Z₊ of Eq. (10))
 * N qubits from the all-ground state (Sec. IV B 1, r = e^{−βω}):
 *   C_l1 = (r − 1)(r + 1)^N/(r^{N+1} − 1) − 1 → (2^N − N − 1)/(N + 1) at r = 1   (Eq. (15))
 *   W = ω(N + (N + r)/(r^{N+1} − 1) + r/(1 − r)) → ωN(N − 1)/(2(N + 1)) at r = 1  (Eq. (16))
 */

export const yOf = (beta: number, omega: number): number => Math.exp(-beta * omega);

/** Eq. (8). */
export function twoQubitSteadyCoherence(c: number, beta: number, omega: number): number {
  const y = yOf(beta, omega);
  const zPlus = 1 + y + y * y;
  return Math.abs((c * (1 + y) * (1 + y)) / zPlus - 1);
}

/** The two-qubit ergotropy of Eq. (7) for all c (the brief's closed form; Eqs. (11)–(12) are its limits). */
export function twoQubitErgotropy(c: number, beta: number, omega: number): number {
  const y = yOf(beta, omega);
  const zPlus = 1 + y + y * y;
  return omega * Math.max(0, 1 - c - c / zPlus, (c * y * y) / zPlus - (1 - c));
}

/** Eq. (15); r = 1 (β = 0) gives (2^N − N − 1)/(N + 1) exactly in form. */
export function groundSteadyCoherence(N: number, beta: number, omega: number): number {
  const r = yOf(beta, omega);
  if (r === 1) return (2 ** N - N - 1) / (N + 1);
  return ((r - 1) * (r + 1) ** N) / (r ** (N + 1) - 1) - 1;
}

/** Eq. (16); r = 1 (β = 0) gives ωN(N − 1)/(2(N + 1)). */
export function groundSteadyErgotropy(N: number, beta: number, omega: number): number {
  const r = yOf(beta, omega);
  if (r === 1) return (omega * N * (N - 1)) / (2 * (N + 1));
  return omega * (N + (N + r) / (r ** (N + 1) - 1) + r / (1 - r));
}
