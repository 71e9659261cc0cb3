/**
 * Formulas of the paper, transcribed as printed (our expression syntax), with valid variable
 * ranges: [lo, hi] and whether the variable is an integer. Shared by the parser, TeX and probe tests.
 */
export interface PaperFormula {
  readonly name: string;
  readonly formula: string;
  readonly ranges: Readonly<Record<string, readonly [number, number, boolean?]>>;
}

const B: readonly [number, number] = [0.01, 5];
const W: readonly [number, number] = [0.2, 3];
const C: readonly [number, number] = [0, 1];

export const PAPER_FORMULAS: readonly PaperFormula[] = [
  { name: 'Eq. (7) Z+', formula: '1 + exp(-omega*beta) + exp(-2*omega*beta)', ranges: { beta: B, omega: W } },
  {
    name: 'Eq. (8) left',
    formula: 'abs(c*(1 + 2*exp(-omega*beta) + exp(-2*omega*beta))/(1 + exp(-omega*beta) + exp(-2*omega*beta)) - 1)',
    ranges: { c: C, beta: B, omega: W },
  },
  { name: 'Eq. (8) right', formula: 'abs(-1 + c + c/(1 + 2*cosh(beta*omega)))', ranges: { c: C, beta: B, omega: W } },
  { name: 'Eq. (9) second eigenvalue', formula: 'c*exp(2*beta*omega)/(1 + exp(beta*omega) + exp(2*beta*omega))', ranges: { c: C, beta: B, omega: W } },
  {
    name: 'Eq. (10) first branch',
    formula: 'omega*(1 - c*(1 + 3*cosh(beta*omega) + sinh(beta*omega))/(1 + 2*cosh(beta*omega)))',
    ranges: { c: [0, 0.5], beta: B, omega: W },
  },
  { name: 'Eq. (10) c = 1 branch', formula: 'omega/(1 + exp(-omega*beta) + exp(-2*omega*beta))', ranges: { beta: B, omega: W } },
  { name: 'Eq. (11)', formula: 'omega*(1 - 2*c)', ranges: { c: [0, 0.5], omega: W } },
  { name: 'Eq. (12)', formula: 'omega*(4*c/3 - 1)', ranges: { c: [0.75, 1], omega: W } },
  { name: 'Eq. (14)', formula: '(1 - r)*r^k/((1 - r^(N + 1))*p)', ranges: { r: [0.05, 0.95], k: [0, 12, true], N: [1, 12, true], p: [1, 924, true] } },
  { name: 'Eq. (15) closed form', formula: '(r - 1)*(r + 1)^N/(r^(N + 1) - 1) - 1', ranges: { r: [0.05, 0.95], N: [1, 12, true] } },
  { name: 'Eq. (15) r -> 1', formula: '(2^N - N - 1)/(N + 1)', ranges: { N: [1, 12, true] } },
  { name: 'Eq. (16) closed form', formula: 'omega*(N + (N + r)/(r^(N + 1) - 1) + r/(1 - r))', ranges: { r: [0.05, 0.95], N: [1, 12, true], omega: W } },
  { name: 'Eq. (16) r -> 1', formula: 'omega*N*(N - 1)/(2*(N + 1))', ranges: { N: [1, 12, true], omega: W } },
  { name: 'nbar', formula: '1/(exp(beta*omega) - 1)', ranges: { beta: B, omega: W } },
  { name: 'r', formula: 'nbar/(nbar + 1)', ranges: { nbar: [0.01, 50] } },
  {
    name: 'Eq. (A1) threshold',
    formula: 'log((sqrt((-7*c^2 + 10*c - 3)/(2*c - 1)^2)*(2*c - 1) - c + 1)/(2*(2*c - 1)))',
    ranges: { c: [0.55, 0.75] },
  },
  {
    name: 'Eq. (A2) threshold',
    formula: 'log((sqrt((4*c - 3)/(c - 1)^2)*(c - 1) - 2*c + 1)/(2*(c - 1)))/omega',
    ranges: { c: [0.76, 0.99], omega: W },
  },
  { name: 'Eq. (A3) threshold', formula: 'log(1/2*(sqrt((3 - 7*c)/(c - 1)) - 1))/omega', ranges: { c: [0.76, 0.99], omega: W } },
];
