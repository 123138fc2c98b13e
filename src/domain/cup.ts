/**
 * The CUP (Codice Unico di Progetto) that DIPE assigns to every public investment project
 * (L. 3/2003 art. 11; delibera CIPE 143/2002).
 *
 * What is checked, after trimming and upper-casing: exactly 15 characters, each a letter A–Z or
 * a digit 0–9. That is the whole of the official definition: "una stringa alfanumerica di 15
 * caratteri" (opencup.gov.it, "Cos'è il CUP"); ANAC validates the same, ^[a-zA-Z0-9]{15}$
 * (anticorruzione/npa issue #1538).
 *
 * What is not checked: every real CUP in reference-data/pnrr is shaped letter, two digits,
 * letter, then 11 digits whose first two are the year of the decision (B11C22000950006 is
 * from 2022). No DIPE document we could find states that layout, so a CUP that breaks it is
 * still accepted rather than dropped from an import.
 */

const cupLength = 15;

function cleaned(raw: string | null | undefined): string {
  return (raw ?? '').trim().toUpperCase();
}

/** Why a value is not a CUP, in English for an import report; null when it is one. */
export function cupProblem(raw: string | null | undefined): string | null {
  const value = cleaned(raw);
  if (value === '') return 'the CUP is missing';
  if (/\s/.test(value)) return `CUP "${value}" has spaces inside it`;
  const stray = value.match(/[^A-Z0-9]/);
  if (stray) return `CUP "${value}" contains "${stray[0]}": a CUP has only letters and digits`;
  if (value.length !== cupLength)
    return `CUP "${value}" has ${value.length} characters: a CUP has ${cupLength}`;
  return null;
}

/** The CUP as the registry writes it (trimmed, upper case: b11c… → B11C…), or null. */
export function normaliseCup(raw: string | null | undefined): string | null {
  return cupProblem(raw) === null ? cleaned(raw) : null;
}
