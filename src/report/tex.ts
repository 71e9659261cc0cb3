/**
 * TeX fields of a claim (printed, derived, corrected) are TeX formulas; a corrected form may also be
 * prose with inline math between dollar signs. `texParts` splits a field into the pieces that
 * renderers typeset and the pieces they print as text.
 */
export interface TexPart {
  math: boolean;
  text: string;
}

/** A field containing "$" is prose with $…$ math; any other field is one formula. */
export function texParts(field: string): TexPart[] {
  if (!field.includes('$')) return [{ math: true, text: field }];
  const parts: TexPart[] = [];
  field.split('$').forEach((text, i) => {
    if (text !== '') parts.push({ math: i % 2 === 1, text });
  });
  return parts;
}

/** Whether the field is prose (with inline math) rather than one formula. */
export const isProse = (field: string): boolean => field.includes('$');
