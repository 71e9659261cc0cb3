/** Complex scalars over any Field. Accuracy: each result is a few field operations, no more. */
import type { Field } from './field.js';

export interface Complex<T> {
  readonly re: T;
  readonly im: T;
}

export const complex = <T>(re: T, im: T): Complex<T> => ({ re, im });
export const cadd = <T>(F: Field<T>, a: Complex<T>, b: Complex<T>): Complex<T> => ({ re: F.add(a.re, b.re), im: F.add(a.im, b.im) });
export const csub = <T>(F: Field<T>, a: Complex<T>, b: Complex<T>): Complex<T> => ({ re: F.sub(a.re, b.re), im: F.sub(a.im, b.im) });
export const cmul = <T>(F: Field<T>, a: Complex<T>, b: Complex<T>): Complex<T> => ({
  re: F.sub(F.mul(a.re, b.re), F.mul(a.im, b.im)),
  im: F.add(F.mul(a.re, b.im), F.mul(a.im, b.re)),
});
export const cconj = <T>(F: Field<T>, a: Complex<T>): Complex<T> => ({ re: a.re, im: F.neg(a.im) });
/** |a|² */
export const cabs2 = <T>(F: Field<T>, a: Complex<T>): T => F.add(F.mul(a.re, a.re), F.mul(a.im, a.im));
/** |a| */
export const cabs = <T>(F: Field<T>, a: Complex<T>): T => (F.isZero(a.im) ? F.abs(a.re) : F.isZero(a.re) ? F.abs(a.im) : F.sqrt(cabs2(F, a)));
export function cdiv<T>(F: Field<T>, a: Complex<T>, b: Complex<T>): Complex<T> {
  const d = cabs2(F, b);
  return {
    re: F.div(F.add(F.mul(a.re, b.re), F.mul(a.im, b.im)), d),
    im: F.div(F.sub(F.mul(a.im, b.re), F.mul(a.re, b.im)), d),
  };
}
