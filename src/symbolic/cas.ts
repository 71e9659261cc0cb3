/**
 * The one door to the computer algebra system (nerdamer-prime 1.5.0). Nothing else in ergocheck
 * imports it.
 *
 * The CAS is a convenience (LaTeX, an independent numeric cross-check of our parser), never a
 * judge: it has given silently wrong answers on identities and simplifications of this paper's
 * kind, so no verdict in ergocheck rests on it. Pitfalls handled here:
 *
 * - Import: the ESM entry (`all.esm.min.mjs`, selected by Node's "import" condition) bundles its
 *   own decimal.js. The CommonJS entry instead sets the *shared* decimal.js global precision to
 *   250 on import; ergocheck never loads it, and its own decimal fields use private clones anyway.
 * - Timeouts: nerdamer aborts a computation that exceeds its TIMEOUT setting (default 800 ms) by
 *   throwing `Error('timeout')` mid-computation. `casCall` turns that into `{ ok: false, reason:
 *   'timeout' }` — inconclusive, never a pass. The check is not everywhere: expanding a product
 *   of a 42-term and a 33-term polynomial (1,386 terms) ran for minutes under the default TIMEOUT
 *   without aborting (observed with 1.5.0; exact answer). A synchronous call cannot be
 *   interrupted from outside, so big expansions are never handed to the CAS: `poly.ts` does them.
 * - Numbers: `evaluate()` computes transcendental functions in float64 and then prints as many
 *   digits as asked for (exp(1) to 40 digits is wrong after the 16th), so CAS numbers are good to
 *   about 15 digits, less after cancellation.
 * - LaTeX: `convertToLaTeX` throws on a redundant parenthesis around a function argument
 *   (`cosh((x))`: "Not a prefix operator") and prints `N^N^N` as `{N}^{N} ^ N`; `toNerdamer`
 *   prints minimal parentheses and parenthesised exponents, and `toTeX` checks the output.
 * - State: every call is followed by `flush()` and `clear('all')`, and the TIMEOUT setting is
 *   restored, so nothing leaks from one call to the next. `setVar` is never used; variable values
 *   are passed per call.
 * - Names: `e`, `i`, `pi` (and the CAS's function names) are reserved; see `casReservedNames`.
 */
import nerdamer from 'nerdamer-prime';

export type Nerdamer = typeof nerdamer;

export type CasFailure = { readonly ok: false; readonly reason: 'timeout' | 'error'; readonly message: string };
export type CasResult<T> = { readonly ok: true; readonly value: T } | CasFailure;

export interface CasOptions {
  /** nerdamer's TIMEOUT for this call, in ms (default: the CAS default, 800 ms). */
  readonly timeoutMs?: number;
}

/** The CAS's default TIMEOUT, captured at load time (restored after every call). */
const DEFAULT_TIMEOUT = Number(nerdamer.get('TIMEOUT') ?? 800);

/** Leave the CAS as a fresh import would: no stored expressions, default timeout. */
function reset(timeout: number): void {
  nerdamer.set('TIMEOUT', timeout);
  nerdamer.flush();
  nerdamer.clear('all');
}

/**
 * Run `fn` against the CAS and return its value, or a typed failure: 'timeout' when nerdamer
 * aborted on its TIMEOUT, 'error' for anything else it threw. `fn` must return plain data
 * (strings, numbers), never a nerdamer object, since the CAS state is cleared afterwards.
 */
export function casCall<T>(fn: (cas: Nerdamer) => T, options: CasOptions = {}): CasResult<T> {
  const timeout = DEFAULT_TIMEOUT;
  if (options.timeoutMs !== undefined) {
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs < 0)
      throw new RangeError(`casCall: timeoutMs must be a non-negative number, got ${options.timeoutMs}`);
    nerdamer.set('TIMEOUT', options.timeoutMs);
  }
  try {
    const value = fn(nerdamer);
    return { ok: true, value };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      reason: message === 'timeout' ? 'timeout' : 'error',
      message: e instanceof Error && e.name !== 'Error' ? `${e.name}: ${message}` : message,
    };
  } finally {
    reset(timeout);
  }
}

let reservedCache: Set<string> | undefined;

/** Names the CAS will not accept as variables: its functions and constants, plus e, i and pi. */
export function casReservedNames(): ReadonlySet<string> {
  if (!reservedCache) {
    const list = nerdamer.reserved(true);
    reservedCache = new Set([...(Array.isArray(list) ? list : String(list).split(/\s*,\s*/)), 'e', 'i', 'pi', 'E', 'PI', 'Infinity']);
  }
  return reservedCache;
}

/** The CAS's version string (nerdamer reports its core version). */
export function casVersion(): string {
  return nerdamer.version();
}

/**
 * Numeric value of a nerdamer expression at a point (values as exact strings such as "3/7"),
 * printed with `digits` decimals. Beware: nerdamer evaluates transcendental functions in float64
 * and prints the requested number of digits anyway, so only about 15 significant digits are
 * meaningful (e.g. exp(1) printed to 60 digits is wrong after the 16th).
 */
export function casEvaluate(expr: string, vars: Readonly<Record<string, string>>, options: CasOptions & { digits?: number } = {}): CasResult<string> {
  // The typings declare text(option?) only; at run time a second argument sets the decimal places.
  type Text2 = { text(option: string, decimals: number): string };
  return casCall((cas) => (cas(expr, { ...vars }).evaluate() as unknown as Text2).text('decimals', options.digits ?? 30), options);
}

/** nerdamer's `expand` of an expression, as text (for diagnostics and benchmarks only). */
export function casExpand(expr: string, options: CasOptions = {}): CasResult<string> {
  return casCall((cas) => cas.expand(expr).toString(), options);
}

/** Number of expressions currently stored by the CAS (0 between our calls). */
export function casStoredExpressions(): number {
  const e = nerdamer.expressions();
  return Array.isArray(e) ? e.length : Object.keys(e).length;
}

/** The CAS's current TIMEOUT setting in ms. */
export function casTimeout(): number {
  return Number(nerdamer.get('TIMEOUT'));
}
