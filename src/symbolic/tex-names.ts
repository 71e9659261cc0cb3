/** TeX command names that stand for a symbol, shared by the TeX parser and the TeX printers. */

/** The Greek letters a variable may be named after; a variable of that name prints as \name. */
export const GREEK_LETTERS: ReadonlySet<string> = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Sigma',
  'Phi',
  'Psi',
  'Omega',
]);

/** Every TeX command read as a symbol: the Greek letters and a few more (ħ, ∞, ∂, ℓ, π). */
export const SYMBOL_COMMANDS: ReadonlySet<string> = new Set([...GREEK_LETTERS, 'hbar', 'infty', 'partial', 'ell', 'pi']);
