/**
 * The exact symbolic layer as the package exports it (`import { symbolic } from 'ergocheck'`): the
 * expression language, rational functions over Q(parameters) and identities between them, real
 * roots by Sturm sequences, and numeric probes. The CAS plumbing, the polynomial arithmetic behind
 * rational functions and the parser's internals stay internal.
 */
export {
  astEquals,
  bin,
  call,
  FUNCTIONS,
  neg,
  num,
  ParseError,
  RESERVED_NAMES,
  variable,
  variables,
  type Ast,
  type BinaryOp,
  type FunctionName,
} from './ast.js';
export { parse } from './infix-parse.js';
export { astToString } from './print.js';
export { DomainError, evaluate, exactConstant } from './evaluate.js';
export { expandDefinitions, substitute } from './definitions.js';
export { toTeX, type TeXResult } from './tex-print.js';
export type { Poly, PolyTerm } from './poly.js';
export { zfromPoly, type ZPoly } from './upoly.js';
export {
  DEFAULT_BOLTZMANN,
  decideIdentity,
  fromAst,
  identical,
  ratfunc,
  rfadd,
  rfConst,
  rfderivative,
  rfdiv,
  rfevalField,
  rfevalPartial,
  rfevalRational,
  rfFromPoly,
  rfisZero,
  rfmul,
  rfneg,
  rfpow,
  rfsub,
  rftoString,
  rfVar,
  THERMAL_DEFINITIONS,
  type BoltzmannNames,
  type FromAstFailure,
  type FromAstOptions,
  type FromAstResult,
  type IdentityDecision,
  type IdentityVerdict,
  type RatFunc,
} from './ratfunc.js';
export { ratFuncField } from './ratfunc-field.js';
export { limitAt, limitAtInfinity, type Limit } from './limit.js';
export {
  compareReal,
  compareWithRational,
  countRoots,
  interval,
  intervalToString,
  isolateRoots,
  isRootOf,
  parseInterval,
  realRational,
  realToString,
  refineRoot,
  rootDecimal,
  rootsAt,
  signSolutionToString,
  solveSign,
  solveSignRatFunc,
  sturmSequence,
  type Endpoint,
  type Piece,
  type RatSignSolution,
  type RealAlgebraic,
  type RealInterval,
  type RootDecimal,
  type SignSolution,
} from './sturm.js';
export { probeIdentity, type ProbeOptions, type ProbePoint, type ProbeResult, type VariableRange } from './probe.js';
