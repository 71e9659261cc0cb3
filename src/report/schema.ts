/** Validation of report.json files against docs/report.schema.json (which refers to docs/claim.schema.json). */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readPackageFile } from '../package-files.js';

let validator: ValidateFunction | null = null;

function compile(): ValidateFunction {
  if (validator !== null) return validator;
  const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
  const ajv = new Ajv({ allErrors: false, strict: false });
  ajv.addSchema(JSON.parse(readPackageFile('docs/claim.schema.json')) as object);
  validator = ajv.compile(JSON.parse(readPackageFile('docs/report.schema.json')) as object);
  return validator;
}

/** One line naming the first problem, e.g. "/claims/3/verdict must be equal to one of the allowed values", or null if valid. */
export function reportSchemaProblem(value: unknown): string | null {
  const validate = compile();
  if (validate(value)) return null;
  const e: ErrorObject | undefined = validate.errors?.[0];
  if (!e) return 'does not match the schema';
  const where = e.instancePath === '' ? 'the top level' : e.instancePath;
  const extra =
    e.keyword === 'additionalProperties'
      ? ` ("${String((e.params as { additionalProperty: string }).additionalProperty)}")`
      : e.keyword === 'enum'
        ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
        : '';
  return `${where} ${e.message ?? 'is invalid'}${extra}`;
}
