/** A formula as nerdamer input, checked against the names the CAS reserves (loads the CAS). */
import { InputError } from '../errors.js';
import { variables, type Ast } from './ast.js';
import { casReservedNames } from './cas.js';
import { astToCasSyntax } from './print.js';

/**
 * The formula as nerdamer input: numbers as exact fractions, minimal parentheses (nerdamer's
 * LaTeX converter fails on redundant ones such as `cosh((x))`). Throws InputError if a variable
 * collides with a name nerdamer reserves (a function or constant of the CAS).
 */
export function toNerdamer(a: Ast): string {
  const reserved = casReservedNames();
  const clash = variables(a).filter((v) => reserved.has(v));
  if (clash.length)
    throw new InputError(
      `variable name${clash.length > 1 ? 's' : ''} ${clash.map((v) => `"${v}"`).join(', ')} ${clash.length > 1 ? 'are' : 'is'} reserved by the CAS; rename ${clash.length > 1 ? 'them' : 'it'}`,
    );
  return astToCasSyntax(a);
}
