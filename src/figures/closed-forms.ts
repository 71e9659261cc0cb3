/**
 * Closed forms the computed figure points are checked against (float64; each a few roundings).
 * Two-qubit collective steady state with triplet weight c (y = e^{−βω}, Z₊ = 1 + y + y², Z = (1 + y)²):
 *   C_l1 = |c Z/Z₊ − 1|
 *   W = ω·max(0, 1 − c − c/Z₊, c y²/Z₊ − (1 − c))            (its spectrum sorted; at c = 1 this is ωy²/Z₊)
 * N qubits, steady state from the all-ground state (r = e^{−βω}):
 *   C_l1 = (r − 1)(r + 1)^N/(r^{N+1} − 1) − 1 → (2^N − N − 1)/(N + 1) at r = 1
 *   W = ω(N + (N + r)/(r^{N+1} − 1) + r/(1 − r)) → ωN(N − 1)/(2(N + 1)) at r = 1
 */

export const yOf = (beta: number, omega: number): number => Math.exp(-beta * omega);

/** C_l1 of the two-qubit collective steady state with triplet weight c. */
export function twoQubitSteadyCoherence(c: number, beta: number, omega: number): number {
  const y = yOf(beta, omega);
  const zPlus = 1 + y + y * y;
  return Math.abs((c * (1 + y) * (1 + y)) / zPlus - 1);
}

/** W of the two-qubit collective steady state for every c (its limits β → 0 and β → ∞ are |1 − 4c/3|ω and max(0, 1 − 2c)ω). */
export function twoQubitErgotropy(c: number, beta: number, omega: number): number {
  const y = yOf(beta, omega);
  const zPlus = 1 + y + y * y;
  return omega * Math.max(0, 1 - c - c / zPlus, (c * y * y) / zPlus - (1 - c));
}

/** C_l1 of the N-qubit steady state from the all-ground state; r = 1 (β = 0) gives (2^N − N − 1)/(N + 1) exactly in form. */
export function groundSteadyCoherence(N: number, beta: number, omega: number): number {
  const r = yOf(beta, omega);
  if (r === 1) return (2 ** N - N - 1) / (N + 1);
  return ((r - 1) * (r + 1) ** N) / (r ** (N + 1) - 1) - 1;
}

/** W of the N-qubit steady state from the all-ground state; r = 1 (β = 0) gives ωN(N − 1)/(2(N + 1)). */
export function groundSteadyErgotropy(N: number, beta: number, omega: number): number {
  const r = yOf(beta, omega);
  if (r === 1) return (omega * N * (N - 1)) / (2 * (N + 1));
  return omega * (N + (N + r) / (r ** (N + 1) - 1) + r / (1 - r));
}
