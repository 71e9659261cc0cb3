/**
 * Declarative claim kinds, so that a claim in proofs/ is mostly data:
 *   formulaClaim   — a printed formula against a symbolic derivation and a first-principles computation;
 *   checksClaim    — any statement decided by a list of checks (exact signs, limits, text);
 *   notCheckable   — a statement that cannot be checked, with the reason.
 */
import { printedCheckFailed, type CheckRecord, type Claim, type ClaimContext, type ClaimOutcome } from './claim.js';
import type { RatFunc } from '../symbolic/ratfunc.js';
import { rftoString } from '../symbolic/ratfunc.js';
import { toTeX } from '../symbolic/expr.js';
import { exactIdentity, firstPrinciplesCheck, numericProbe, type FirstPrinciples, type Ranges } from './checks.js';

interface ClaimHeader {
  id: string;
  /** Starts with the paper's own label, e.g. "Eq. (10), branch c = 1". */
  location: string;
  statement: string;
  /** TeX exactly as printed, errors included. */
  printed: string;
}

/** The header fields of a claim, from a spec that carries more. */
const header = ({ id, location, statement, printed }: ClaimHeader): ClaimHeader => ({ id, location, statement, printed });

export interface FormulaClaimSpec extends ClaimHeader {
  /** The printed formula transcribed into ergocheck's expression language (faithfully, errors included). */
  printedFormula: string;
  /** The derivation from the model: a rational function (in c, y = e^{−βω}, ω, …) or a formula. */
  derive: () => RatFunc | string;
  /** One sentence: how `derive` obtains it. */
  derivation: string;
  /** A readable form of the derived result (formula + TeX); checked identical to `derive`. */
  derivedForm?: { formula: string; tex: string };
  /** Valid range of every variable (ω must contain 1 and other values). */
  ranges: Ranges;
  /** The same quantity from first principles (ρ built, diagonalised, …), for the consistency check. */
  firstPrinciples?: { compute: FirstPrinciples; what: string };
  /** Extra checks (e.g. on branch boundaries). */
  extraChecks?: (ctx: ClaimContext) => CheckRecord[];
  /** Where the printed form differs, in words, for an erratum (the probe adds example points). */
  differsWhere?: string;
}

/** A printed formula checked against a derivation (exactly and by probes) and against first principles. */
export function formulaClaim(spec: FormulaClaimSpec): Claim {
  return {
    ...header(spec),
    check(ctx): ClaimOutcome {
      const derived = spec.derive();
      const derivedText = typeof derived === 'string' ? derived : rftoString(derived);
      const checks: CheckRecord[] = [];
      const readable = spec.derivedForm?.formula ?? derivedText;
      if (spec.derivedForm) {
        const same = exactIdentity('readable form ≡ derivation', 'consistency', spec.derivedForm.formula, derived);
        checks.push(same ?? numericProbe('readable form ≡ derivation', 'consistency', spec.derivedForm.formula, derived, ctx, spec.ranges));
      }
      const exact = exactIdentity('printed ≡ derived (exact)', 'printed', spec.printedFormula, derived);
      if (exact) checks.push(exact);
      const probe = numericProbe('printed vs derived (numeric probe)', 'printed', spec.printedFormula, derived, ctx, spec.ranges);
      checks.push(probe);
      if (spec.firstPrinciples) {
        checks.push(firstPrinciplesCheck('derived vs first principles', 'consistency', derived, spec.firstPrinciples.compute, ctx, spec.ranges, { what: spec.firstPrinciples.what }));
        checks.push(firstPrinciplesCheck('printed vs first principles', 'printed', spec.printedFormula, spec.firstPrinciples.compute, ctx, spec.ranges, { what: spec.firstPrinciples.what }));
      }
      if (spec.extraChecks) checks.push(...spec.extraChecks(ctx));
      const derivedTeX = spec.derivedForm?.tex ?? toTeX(readable).tex;
      const printedFails = printedCheckFailed(checks);
      return {
        derived: derivedTeX,
        checks,
        howDecided: `${spec.derivation}; ${exact ? 'printed and derived forms compared exactly as rational functions' : 'the printed form is not a rational function, so it was compared by numeric probes only'}${spec.firstPrinciples ? `, and both against ${spec.firstPrinciples.what}` : ''}`,
        corrected: printedFails ? derivedTeX : null,
        differsWhere: printedFails ? [spec.differsWhere, probe.failures.length ? `e.g. at ${probe.failures[0]}` : ''].filter(Boolean).join('; ') : null,
      };
    },
  };
}

export interface ChecksClaimSpec extends ClaimHeader {
  /** The checks; roles say which compare the printed statement and which our own routes. */
  checks: (ctx: ClaimContext) => CheckRecord[];
  howDecided: string;
  derived?: string | null;
  /** The corrected statement (TeX or words) in case a printed check fails. */
  corrected?: string;
  differsWhere?: string;
}

/** A statement decided by a list of checks. */
export function checksClaim(spec: ChecksClaimSpec): Claim {
  return {
    ...header(spec),
    check(ctx): ClaimOutcome {
      const checks = spec.checks(ctx);
      const printedFails = printedCheckFailed(checks);
      return { derived: spec.derived ?? null, checks, howDecided: spec.howDecided, corrected: printedFails ? (spec.corrected ?? null) : null, differsWhere: printedFails ? (spec.differsWhere ?? null) : null };
    },
  };
}

/** A statement that cannot be checked, with the reason. */
export function notCheckable(spec: ClaimHeader & { reason: string }): Claim {
  return {
    ...header(spec),
    check: () => ({ derived: null, checks: [], howDecided: 'not checkable', notCheckable: spec.reason }),
  };
}
