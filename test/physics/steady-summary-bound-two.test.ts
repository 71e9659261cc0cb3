/**
 * Property: the W and the energy `ergocheck steady-state --json` prints are within the printed
 * errorBound of the true values for an exact rational initial state, every rounding between the
 * exact input and the printed digits included (steady-summary-bound.ts: the truth from an exact
 * rational route at β = 0), N = 2 at 20–35 digits and in float64. Prints the number of cases run.
 */
import { describeSteadyBound } from './steady-summary-bound.js';

describeSteadyBound('N = 2', [
  [2, '20–35 digits', 1, 100],
  [2, '20–35 digits', 2, 100],
  [2, '20–35 digits', 3, 100],
  [2, 'float64', 1, 100],
]);
