import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/report/tex-text.js';

describe('texToText: TeX as readable terminal text', () => {
  it.each([
    ['', ''],
    ['c', 'c'],
    ['\\frac{\\omega}{1+e^{\\omega\\beta}+e^{2\\omega\\beta}}', 'ω/(1+e^(ωβ)+e^(2ωβ))'],
    ['r = \\bar{n}/(\\bar{n} + 1) = e^{-\\beta\\omega}', 'r = n̄/(n̄ + 1) = e^(−βω)'],
    ['\\text{high temperature limit, } \\beta \\rightarrow 0', 'high temperature limit, β → 0'],
    ['\\text{increasing } \\bar{n} \\text{ corresponds to decreasing } \\beta', 'increasing n̄ corresponds to decreasing β'],
    ['Z_+/Z', 'Z₊/Z'],
    ['c^2 \\leq \\frac{1}{2}', 'c² ≤ 1/2'],
    ['\\sqrt{\\frac{a}{b}}', '√(a/b)'],
    ['\\frac{1}{\\omega}\\log\\left(x\\right)', '1/ω log(x)'],
    ['[\\underbrace{0,\\dots,0}_{p_1}, 1]^T', '[0,…,0 (p₁ entries), 1]ᵀ'],
    ['holds for $c \\geq 1/2$ & not for $c < 1/2$', 'holds for c ≥ 1/2 & not for c < 1/2'],
    ['|\\psi_0\\rangle', '|ψ₀⟩'],
    ['\\frac{a', 'a/()'], // malformed: no crash, a visible gap
  ])('%s → %s', (tex, text) => expect(texToText(tex)).toBe(text));
});
