/**
 * How the HTML report groups claims by where they stand in the paper. An `Outline` names the
 * sections in reading order and assigns a claim's location to one of them. The outline of the
 * paper itself (which equation and figure stand in which section) is paper data and lives in
 * proofs/; `locationOutline` is the fallback that needs no such knowledge.
 */
import type { CheckedClaim } from '../claims/claim.js';
import { sectionOf } from './report.js';

export interface OutlineSection {
  /** Short label used for navigation and as the key, e.g. "Sec. IV A". */
  key: string;
  /** Heading, e.g. "Sec. IV A — Two qubits". */
  title: string;
}

export interface Outline {
  /** Sections in reading order. */
  sections: readonly OutlineSection[];
  /** The key of the section a claim's location belongs to (a key not in `sections` is shown last, under its own name). */
  sectionOf(location: string): string;
}

export const BEYOND_THE_PAPER: OutlineSection = { key: 'Beyond the paper', title: 'Beyond the paper' };

/** Whether a location marks a result that the paper does not state. */
export const isBeyondThePaper = (location: string): boolean => /beyond the paper/i.test(location);

/**
 * The fallback outline: a location's own section label ("Sec. IV A, text after …" → "Sec. IV A",
 * "Appendix A, (A1)" → "Appendix A"), otherwise its first comma-separated part; sections in the
 * order the claims first name them, results beyond the paper last.
 */
export function locationOutline(claims: readonly CheckedClaim[]): Outline {
  const keyOf = (location: string): string => {
    if (isBeyondThePaper(location)) return BEYOND_THE_PAPER.key;
    const labelled = /^(Sec\. [IVX]+(?: [A-Z](?: \d+)?)?|Appendix [A-Z])\b/.exec(location);
    return labelled ? labelled[1] : sectionOf(location);
  };
  const keys = [...new Set(claims.map((c) => keyOf(c.location)))].filter((k) => k !== BEYOND_THE_PAPER.key);
  const sections = keys.map((key) => ({ key, title: key }));
  if (claims.some((c) => isBeyondThePaper(c.location))) sections.push(BEYOND_THE_PAPER);
  return { sections, sectionOf: keyOf };
}

/** Claims grouped by the outline's sections, in its order; empty sections left out, unknown keys last. */
export function groupBySection(claims: readonly CheckedClaim[], outline: Outline): { section: OutlineSection; claims: CheckedClaim[] }[] {
  const groups = new Map<string, CheckedClaim[]>();
  for (const c of claims) {
    const key = outline.sectionOf(c.location);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const known = outline.sections.filter((s) => groups.has(s.key)).map((section) => ({ section, claims: groups.get(section.key) ?? [] }));
  const knownKeys = new Set(outline.sections.map((s) => s.key));
  const unknown = [...groups.keys()].filter((k) => !knownKeys.has(k)).map((key) => ({ section: { key, title: key }, claims: groups.get(key) ?? [] }));
  return [...known, ...unknown];
}
