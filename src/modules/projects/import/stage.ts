/** Builders of the SQL that normalises a staged file; column expressions, never user values. */
export type Col = (canonical: string) => string;

export interface KindResult {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
  changes: { key: string; fields: string[] }[];
}

const quoted = (expr: string) => `coalesce(${expr}, '')`;

/** Trimmed text, NULL when empty or N/D. */
export const text = (expr: string) => `nullif(nullif(nullif(btrim(${expr}), ''), 'N/D'), 'N/A')`;

export const cupExpr = (expr: string) => `upper(btrim(${quoted(expr)}))`;

// CUP: 15 letters and digits (DIPE, Codice Unico di Progetto); upper-cased, since some releases
// write it in lower case.
export const cupProblem = (expr: string) =>
  `CASE WHEN ${cupExpr(expr)} !~ '^[A-Z0-9]{15}$' THEN 'CUP "' || left(${quoted(expr)}, 40) || '" is not 15 letters and digits' END`;

export const amountProblem = (expr: string, label: string) =>
  `CASE WHEN NOT metroplan_it_amount_ok(${expr}) THEN '${label} "' || left(${expr}, 40) || '" is not an amount' END`;

export const dateProblem = (expr: string, label: string) =>
  `CASE WHEN nullif(btrim(${quoted(expr)}), '') IS NOT NULL AND upper(btrim(${expr})) NOT IN ('N/D', 'N/A') AND metroplan_it_date(${expr}) IS NULL
        THEN '${label} "' || left(${expr}, 40) || '" is not a dd/mm/yyyy date' END`;

export const problemsArray = (checks: string[]) =>
  `array_remove(ARRAY[${checks.join(',\n        ')}]::text[], NULL)`;

/** A numeric code whose leading zeros come and go: "15" and "015" are the same province. */
export const paddedCode = (expr: string, width: number) =>
  `CASE WHEN btrim(${quoted(expr)}) ~ '^[0-9]+$' THEN lpad(btrim(${expr}), ${width}, '0') ELSE nullif(btrim(${expr}), '') END`;
