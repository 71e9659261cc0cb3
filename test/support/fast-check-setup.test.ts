import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

describe('the suite-wide fast-check configuration', () => {
  it('fixes the seed, so a property without its own seed draws the same cases on every run', () => {
    expect(fc.readConfigureGlobal().seed).toBe(process.env.FC_SEED === undefined ? 20220513 : Number(process.env.FC_SEED));
    const draw = () => fc.sample(fc.integer(), 5);
    expect(draw()).toEqual(draw());
  });
});
