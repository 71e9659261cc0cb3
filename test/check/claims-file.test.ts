/**
 * Reading a claims file: any mangled claim is refused with an InputError of one line naming the
 * claim, never another error (seeded property test); valid assumptions read exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import { parseClaimsFile } from '../../src/check/claims-file.js';
import { parseAssumption } from '../../src/check/domain.js';

const base = JSON.parse(readFileSync('examples/claims/ground-three-qubits.json', 'utf8')) as { claims: Record<string, unknown>[] };
const KEYS = ['id', 'quantity', 'state', 'printed', 'formula', 'assume', 'statement'];

describe('claims file', () => {
  it('the examples read', () => {
    for (const f of ['eq12-high-temperature', 'ground-three-qubits', 'wrong-formula', 'part-of-domain'])
      expect(parseClaimsFile(readFileSync(`examples/claims/${f}.json`, 'utf8')).length).toBeGreaterThan(0);
  });
  it('the two-qubit family is also read under its first name, eq7; names of Object.prototype are no family or quantity', () => {
    const claim = (family: string, quantity = 'energy') => JSON.stringify({ claims: [{ id: 'a', quantity, state: { family }, formula: 'omega*c' }] });
    expect(parseClaimsFile(claim('eq7'))[0].state.family).toBe('two-qubit');
    expect(parseClaimsFile(claim('two-qubit'))[0].state.family).toBe('two-qubit');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() => parseClaimsFile(claim(name))).toThrow(/unknown state family/);
      expect(() => parseClaimsFile(claim('two-qubit', name))).toThrow(/unknown quantity/);
    }
  });
  it('assumptions read exactly', () => {
    expect(parseAssumption('c', '0 <= c < 1/2', 'x')).toEqual({ lo: { num: 0n, den: 1n }, hi: { num: 1n, den: 2n }, loClosed: true, hiClosed: false });
    expect(parseAssumption('beta', '0', 'x')).toEqual({ lo: { num: 0n, den: 1n }, hi: { num: 0n, den: 1n }, loClosed: true, hiClosed: true });
    expect(parseAssumption('omega', 'omega > 0', 'x')).toEqual({ lo: { num: 0n, den: 1n }, hi: null, loClosed: false, hiClosed: false });
    expect(parseAssumption('c', '3/4 >= c', 'x').hi).toEqual({ num: 3n, den: 4n });
    expect(() => parseAssumption('c', '1 < c < 1/2', 'x')).toThrow(/leaves no value/);
    expect(() => parseAssumption('c', 'x < 1', 'x')).toThrow(/compare c/);
  });
  it('a mangled claim is refused with one line naming it, never another error (seeded)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: base.claims.length - 1 }),
        fc.constantFrom(...KEYS),
        fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
        (i, key, value) => {
          const claims = structuredClone(base.claims);
          claims[i] = { ...claims[i], [key]: value };
          if (value === undefined) delete claims[i][key];
          try {
            parseClaimsFile(JSON.stringify({ claims }));
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            const m = (e as Error).message;
            expect(m.split('\n')).toHaveLength(1);
            expect(m).toMatch(/^claim /);
          }
        },
      ),
      { seed: 1207, numRuns: 300 },
    );
  });
  it('a mangled state or assumption is refused in the same way (seeded)', () => {
    const states = fc.record(
      {
        family: fc.constantFrom('two-qubit', 'eq7', 'steady-state', 'gibbs', 'explicit', 'x', 'constructor', '__proto__'),
        qubits: fc.oneof(fc.integer({ min: -2, max: 14 }), fc.string()),
        initial: fc.oneof(fc.constantFrom('ground', 'dicke:2', 'dicke:9', 'psi-minus', 'thermal'), fc.string(), fc.jsonValue({ maxDepth: 2 })),
      },
      { requiredKeys: ['family'] },
    );
    const assume = fc.dictionary(
      fc.constantFrom('beta', 'omega', 'y', 'r', 'nbar', 'c', 'N', 'q'),
      fc.oneof(fc.constantFrom('0', '1/2', '0 <= c <= 1', '-1 < beta', 'omega > 0', '2 <= N <= 13', '0 < y < 1', 'inf'), fc.string()),
    );
    fc.assert(
      fc.property(states, assume, (state, a) => {
        try {
          parseClaimsFile(JSON.stringify({ claims: [{ id: 'm', quantity: 'energy', state, formula: 'omega*y', assume: a }] }));
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message.split('\n')).toHaveLength(1);
          expect((e as Error).message).toMatch(/^claim "m"/);
        }
      }),
      { seed: 1208, numRuns: 300 },
    );
  });
});
