/** report.json: the Report itself (schema: docs/report.schema.json), each claim in the CheckedClaim shape. */
import type { Report } from './report.js';

export function renderJson(report: Report): string {
  // a fixed key order, whatever order the object was built in
  const { tool, parameters, summary, claims, baseline } = report;
  return JSON.stringify({ tool, parameters, summary, claims, baseline }, null, 2) + '\n';
}
