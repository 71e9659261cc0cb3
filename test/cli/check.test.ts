/** `ergocheck check`: refusals first (one line, exit 2, nothing checked), then the examples and --json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { expectRefusal, runCli } from './run-cli.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ergocheck-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function file(content: unknown): Promise<string> {
  const path = join(dir, `claims-${n++}.json`);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const claim = (over: Record<string, unknown>): Record<string, unknown> => ({
  id: 'a',
  quantity: 'energy',
  state: { family: 'gibbs', qubits: 2 },
  formula: '2*omega*y/(1 + y)',
  ...over,
});
const refused = async (pattern: RegExp, claims: unknown): Promise<void> => expectRefusal(pattern, 'check', await file(claims));

describe('ergocheck check refuses', () => {
  it('a malformed file', async () => {
    await refused(/not valid JSON/, '{"claims": [');
    await refused(/expected \{"claims"/, { claim: [] });
    await refused(/"claims" is empty/, { claims: [] });
  });
  it('a missing file', async () => expectRefusal(/cannot read .*nope\.json/, 'check', join(dir, 'nope.json')));
  it('no file, or two', async () => {
    await expectRefusal(/give one claims file/, 'check');
    await expectRefusal(/give one claims file/, 'check', 'a.json', 'b.json');
  });
  it('a precision below 50 digits', async () => expectRefusal(/at least 50/, 'check', await file({ claims: [claim({})] }), '--precision', '30'));
  it('duplicate ids', async () => refused(/claim "a": the id is used twice/, { claims: [claim({}), claim({})] }));
  it('an unknown quantity or family', async () => {
    await refused(/claim "a": unknown quantity "work"/, { claims: [claim({ quantity: 'work' })] });
    await refused(/claim "a": unknown state family "eq8"/, { claims: [claim({ state: { family: 'eq8' } })] });
    await refused(/claim "a": unknown initial state "vacuum"/, { claims: [claim({ state: { family: 'steady-state', qubits: 2, initial: 'vacuum' } })] });
  });
  it('TeX it cannot parse, saying where', async () => {
    await refused(/claim "a": printed TeX: .*column \d+/, { claims: [claim({ formula: undefined, printed: '\\mathcal{W} = \\frac{1}{' })] });
  });
  it('an assumption outside the model', async () => {
    await refused(/claim "a": assume beta: .*outside the model \(β ≥ 0/, { claims: [claim({ assume: { beta: '-1 < beta < 2' } })] });
    await refused(/claim "a": assume c: .*outside the model \(0 ≤ c ≤ 1\)/, {
      claims: [claim({ state: { family: 'eq7' }, formula: 'c', assume: { c: '1/2 < c < 3/2' } })],
    });
    await refused(/claim "a": assume N: .*outside the model \(N = 1…12\)/, { claims: [claim({ state: { family: 'gibbs' }, assume: { N: '2 <= N <= 13' } })] });
  });
  it('a parameter the formula uses that the state does not have', async () => {
    await refused(/claim "a": the formula uses c, which the state gibbs does not have/, { claims: [claim({ formula: 'c*omega' })] });
    await refused(/claim "a": the formula uses "x", which is not a parameter/, { claims: [claim({ formula: 'x*omega' })] });
    await refused(/claim "a": the state gibbs has no parameter c/, { claims: [claim({ assume: { c: '0 <= c <= 1' } })] });
  });
  it('an explicit matrix that is not a state', async () => {
    await refused(/claim "a": matrix: the matrix has trace 2, not 1/, {
      claims: [
        claim({
          state: {
            family: 'explicit',
            matrix: {
              re: [
                [1, 0],
                [0, 1],
              ],
            },
          },
          formula: 'omega',
        }),
      ],
    });
    await refused(/claim "a": matrix: the matrix .*(negative|positive)/, {
      claims: [
        claim({
          state: {
            family: 'explicit',
            matrix: {
              re: [
                ['1/2', 1],
                [1, '1/2'],
              ],
            },
          },
          formula: 'omega',
        }),
      ],
    });
    await refused(/claim "a": initial: .*2\^N × 2\^N/, {
      claims: [
        claim({
          state: {
            family: 'steady-state',
            initial: {
              re: [
                ['1/3', 0, 0],
                [0, '1/3', 0],
                [0, 0, '1/3'],
              ],
            },
          },
        }),
      ],
    });
  });
  it('a concurrence of more than two qubits', async () =>
    refused(/claim "a": the concurrence is defined here for two qubits, not 3/, {
      claims: [claim({ quantity: 'concurrence', state: { family: 'gibbs', qubits: 3 }, formula: '0' })],
    }));
  it('a printed formula of another quantity', async () => {
    await refused(/defines C_l1 \(the coherence\), but the claim's quantity is ergotropy/, {
      claims: [claim({ quantity: 'ergotropy', state: { family: 'eq7' }, formula: undefined, printed: 'C_{l_1} = c' })],
    });
  });
  it('two temperature coordinates, or none of printed/formula', async () => {
    await refused(/bound only one/, { claims: [claim({ assume: { beta: '0 <= beta <= 1', y: '0 < y < 1' } })] });
    await refused(/exactly one of "printed"/, { claims: [claim({ formula: undefined })] });
  });
  it('a bad claim anywhere means nothing is checked', async () => {
    const r = await runCli('check', await file({ claims: [claim({ id: 'good' }), claim({ id: 'bad', quantity: 'nope' })] }));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/claim "bad"/);
  });
});

const schema = JSON.parse(readFileSync('docs/claim.schema.json', 'utf8'));
const validate = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false }).compile(schema);
const fileSchema = JSON.parse(readFileSync('docs/claims-file.schema.json', 'utf8'));
const validateFile = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false }).compile(fileSchema);

describe('ergocheck check', () => {
  it('--help', async () => {
    const r = await runCli('check', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: ergocheck check FILE/);
  });
  it('the examples: verified, erratum with its correction', async () => {
    const r = await runCli('check', 'examples/claims/wrong-formula.json', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { claims: { id: string; verdict: string; correctedPieces?: { formula: string; where: string[] }[] }[] };
    expect(out.claims.map((c) => c.verdict)).toEqual(['erratum']);
    expect(out.claims[0].correctedPieces).toEqual([{ formula: '(2*y) / (y^2 + 1)', where: ['r > 0', 'r < 1'] }]);
    for (const c of out.claims) expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
  });
  it('every example file fits the claims-file schema, and the schema refuses a claim without a state', async () => {
    for (const f of ['eq12-high-temperature', 'ground-three-qubits', 'wrong-formula', 'part-of-domain']) {
      const data = JSON.parse(readFileSync(`examples/claims/${f}.json`, 'utf8'));
      expect(validateFile(data), `${f}: ${JSON.stringify(validateFile.errors)}`).toBe(true);
    }
    expect(validateFile({ claims: [{ id: 'a', quantity: 'energy', formula: '1' }] })).toBe(false);
  });
  it('the text output shows the correction in plain infix', async () => {
    const r = await runCli('check', 'examples/claims/part-of-domain.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ERRATUM\s+cl1-high-temperature-linear/);
    expect(r.out).toMatch(/4\/3\*c - 1 +where .*c > 3\/4/);
  });
});
