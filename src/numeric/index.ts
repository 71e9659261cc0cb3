/**
 * The numeric layer as the package exports it (`import { numeric } from 'ergocheck'`): number
 * fields, complex numbers, exact rationals, the certified Hermitian eigensolver, general eigenvalues
 * and least-squares fits. Matrices are the separate `matrix` namespace. The fixed-point and float64
 * kernels, the WebAssembly code and the certificate's internals stay internal.
 */
export { convert, fmax, fmin, fsum, type AnalyticField, type Field, type FieldKind } from './field.js';
export { float64 } from './float64.js';
export { decimalField, type DecimalField } from './decimal.js';
export { fixedField, type FixedField } from './fixed.js';
export { cabs, cabs2, cadd, cconj, cdiv, cmul, complex, csub, type Complex } from './complex.js';
export {
  parseRational,
  rabs,
  radd,
  rational,
  rationalFromNumber,
  rationalToNumber,
  rationalToString,
  rcmp,
  rdiv,
  requals,
  risZero,
  rmul,
  rneg,
  RONE,
  rsub,
  RZERO,
  type Rational,
  type RationalMatrix,
} from './rational.js';
export { certify, eigh, eigvalsh, type Eigen, type EigenCertificate, type EighOptions } from './eigh.js';
export { generalEigenvalues, type Eigenvalue } from './general-eigenvalues.js';
export { fitInverseAffine, fitLine, fitPowerLaw, type LineFit, type PowerLawFit } from './least-squares.js';
