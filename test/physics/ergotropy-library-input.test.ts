/**
 * The library's ergotropy(F, ρ, H) in a decimal field takes the entries of ρ and H as the exact
 * input — including entries with more digits than the field (a Decimal from its constructor keeps
 * them all): they are rounded into the working field (P + 10 digits) and that rounding is carried
 * into the bound. End to end on a qubit whose ergotropy is known in closed form; the rounding is
 * far below the bound here, so this checks the path, not the size of that one term.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { exactValue } from '../../src/numeric/exact-bounds.js';
import { fromRows } from '../../src/numeric/matrix.js';
import { parseRational, rabs, rcmp, rsub, rmul, rational } from '../../src/numeric/rational.js';
import { ergotropy } from '../../src/physics/ergotropy.js';

describe('ergotropy of entries longer than the field', () => {
  it('a qubit state with 80-digit entries at 20 digits: W within the bound of the exact value', () => {
    const D = decimalField(20);
    // x, z with 80 significant digits; ρ = [[(1+z)/2, x/2], [x/2, (1−z)/2]] exactly as Decimals
    const xs = '0.3' + '1234567891'.repeat(8);
    const zs = '0.2' + '9876543219'.repeat(8);
    const half = (s: string, sign = 1) => new D.Decimal(s).times(sign).plus(1).div(2);
    const x = new D.Decimal(xs);
    const rho = fromRows(D, [
      [half(zs), x.div(2)],
      [x.div(2), half(zs, -1)],
    ]);
    // the Decimal operations above round to 20 digits; rebuild the entries exactly instead
    const big = decimalField(200);
    const e00 = new D.Decimal(new big.Decimal(zs).plus(1).div(2).toString());
    const e11 = new D.Decimal(new big.Decimal(1).minus(e00).toString());
    const e01 = new D.Decimal(new big.Decimal(xs).div(2).toString());
    rho.re[0] = e00;
    rho.re[3] = e11;
    rho.re[1] = e01;
    rho.re[2] = e01;
    expect(e00.sd()).toBeGreaterThan(60);
    // H = σz-like levels: diag(1, 0) (the first basis vector excited)
    const H = fromRows(D, [
      [D.one, D.zero],
      [D.zero, D.zero],
    ]);
    const r = ergotropy(D, rho, H);
    // exact: eigenvalues ½(1 ± |r|), |r| = √(x² + z²) with x = 2·e01, z = 2·e00 − 1; W = e00 − ½(1 − |r|)
    const q00 = exactValue(D, e00);
    const q01 = exactValue(D, e01);
    const z = rsub(rmul(rational(2n), q00), rational(1n));
    const xx = rmul(rational(2n), q01);
    const norm2 = decimalField(120)
      .fromRational({ num: rmul(xx, xx).num * rmul(z, z).den + rmul(z, z).num * rmul(xx, xx).den, den: rmul(xx, xx).den * rmul(z, z).den })
      .sqrt();
    const W = rsub(q00, rmul(rational(1n, 2n), rsub(rational(1n), parseRational(norm2.toString()))));
    // norm2 is good to ~1e-119, far inside the bound
    expect(rcmp(rabs(rsub(exactValue(D, r.ergotropy), W)), exactValue(D, r.errorBound)) <= 0).toBe(true);
    expect(r.errorBound.toNumber()).toBeLessThan(1e-18);
  });
});
