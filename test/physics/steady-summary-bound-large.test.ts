/**
 * Property: the W and the energy `ergocheck steady-state --json` prints are within the printed
 * errorBound of the true values for an exact rational initial state, every rounding between the
 * exact input and the printed digits included (steady-summary-bound.ts: the truth from an exact
 * rational route at β = 0), N = 4 and 5 at 20–35 digits and in float64. Prints the number of cases run.
 */
import { describeSteadyBound } from './steady-summary-bound.js';

describeSteadyBound('N = 4 and 5', [
  [4, '20–35 digits', 1, 15],
  [4, 'float64', 1, 15],
  [5, '20–35 digits', 1, 4],
  [5, 'float64', 1, 4],
]);
