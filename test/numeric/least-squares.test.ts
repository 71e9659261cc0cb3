import { describe, expect, it } from 'vitest';
import { fitInverseAffine, fitLine, fitPowerLaw } from '../../src/numeric/least-squares.js';

describe('least squares: refuses', () => {
  it.each([
    ['different lengths', () => fitLine([1, 2], [1]), /differ in length/],
    ['one point', () => fitLine([1], [1]), /at least 2 points/],
    ['equal x', () => fitLine([2, 2, 2], [1, 2, 3]), /all x are equal/],
    ['a non-positive value for a power law', () => fitPowerLaw([1, 2], [1, 0]), /point 1 = \(2, 0\) is not positive/],
  ])('%s', (_, f, message) => expect(f).toThrow(message));
});

describe('least squares: exact data is fitted exactly', () => {
  it('a line', () => {
    const f = fitLine([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(f.slope).toBeCloseTo(2, 14);
    expect(f.intercept).toBeCloseTo(1, 14);
    for (const r of f.residuals) expect(Math.abs(r)).toBeLessThan(1e-14);
  });
  it('a power law y = 3 x^(−1.5)', () => {
    const x = [0.1, 0.3, 1, 3, 10];
    const f = fitPowerLaw(
      x,
      x.map((v) => 3 * v ** -1.5),
    );
    expect(f.exponent).toBeCloseTo(-1.5, 12);
    expect(f.prefactor).toBeCloseTo(3, 12);
    expect(f.maxLogResidual).toBeLessThan(1e-12);
  });
  it('an inverse-affine law y = 2/x + 5', () => {
    const x = [0.01, 0.03, 0.1, 0.3];
    const f = fitInverseAffine(
      x,
      x.map((v) => 2 / v + 5),
    );
    expect(f.a).toBeCloseTo(2, 10);
    expect(f.b).toBeCloseTo(5, 10);
  });
  it('noisy data: the fit minimises the squared residuals (residuals orthogonal to 1 and u)', () => {
    const u = [0, 1, 2, 3, 4];
    const f = fitLine(u, [0.1, 0.9, 2.2, 2.8, 4.1]);
    expect(Math.abs(f.residuals.reduce((s, r) => s + r, 0))).toBeLessThan(1e-12);
    expect(Math.abs(f.residuals.reduce((s, r, k) => s + r * u[k], 0))).toBeLessThan(1e-12);
  });
});
