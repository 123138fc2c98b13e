/**
 * PNRR measure codes. The official files (Italia Domani / ReGiS) write every code in two forms:
 * short — `id_misura` M1C1I1.1, `id_submisura` M1C1I1.3.1 — and zero-padded —
 * `codice_univoco_misura` M1C1I1.01, `codice_univoco_submisura` M1C1I1.03.01, where the
 * sub-measure `.00` is the measure itself. The canonical form is the short one.
 *
 * Some real codes follow no rule (M1C1R1.9A is padded M1C1R1.19, M5C2I2.2.A is M5C2I2.02.01): a
 * resolver looks a code up in the alias table built from the official file first, and only then
 * normalises it by rule.
 */

export interface PnrrCodeRef {
  /** Canonical (short) code of the measure, e.g. M1C1I1.3. */
  measureCode: string;
  /** Canonical code of the sub-measure, e.g. M1C1I1.3.1; null when the code names the measure. */
  subMeasureCode: string | null;
}

/** How codes are compared: upper case, without spaces (" m1c1i1.01 " is M1C1I1.01). */
export function cleanPnrrCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

// Mission, component, I(nvestimento) or R(iforma) with its number, then the measure's own
// number (which may carry a suffix: 9BIS) and the sub-measure's (a number or letters: A1).
const codeShape = /^M([1-9])C([1-9])([IR])(\d+)(?:\.(\d+[A-Z]*))?(?:\.([0-9A-Z]+))?$/;

/** "01" → "1", "09BIS" → "9BIS", "00" → "" (the zero number means "none"). */
function withoutLeadingZeros(part: string): string {
  return part.replace(/^0+(?=\d)/, '').replace(/^0$/, '');
}

/**
 * Normalises a code by rule alone: padded numbers lose their zeros (M1C1I1.01 → M1C1I1.1,
 * M7C1I01.1 → M7C1I1.1), a `.00` sub-measure is the measure itself, a `.00` measure number is no
 * number (M1C1I3.00 → M1C1I3). Returns null for anything that is not shaped like a PNRR code.
 */
export function normalisePnrrCode(input: string): PnrrCodeRef | null {
  const match = codeShape.exec(cleanPnrrCode(input));
  if (!match) return null;
  const [, mission, component, kind, number, measurePart, subPart] = match;
  if (/^0+$/.test(number!)) return null;
  const measureNumber = measurePart === undefined ? '' : withoutLeadingZeros(measurePart);
  const base = `M${mission}C${component}${kind}${withoutLeadingZeros(number!)}`;
  const measureCode = measureNumber ? `${base}.${measureNumber}` : base;
  const subNumber = subPart === undefined ? '' : withoutLeadingZeros(subPart);
  return { measureCode, subMeasureCode: subNumber ? `${measureCode}.${subNumber}` : null };
}

/** The codes of one row of the official financial framework (quadro finanziario). */
export interface PnrrCodeRow {
  idMisura: string;
  codiceUnivocoMisura: string;
  idSubmisura: string;
  codiceCid: string;
  codiceUnivocoSubmisura: string;
  /** `tipo_livello` = Submisura; a Misura row is a measure without sub-measures. */
  isSubMeasure: boolean;
}

export type PnrrCodeSource =
  | 'id_misura'
  | 'codice_univoco_misura'
  | 'id_submisura'
  | 'codice_univoco_submisura'
  | 'codice_cid';

export interface PnrrCodeAlias extends PnrrCodeRef {
  alias: string;
  source: PnrrCodeSource;
}

export interface AmbiguousPnrrCode {
  alias: string;
  source: PnrrCodeSource;
  measureCodes: string[];
}

// When one string is several codes, the measure's own codes win over a sub-measure's, and both
// over the EU CID code, which the file reuses across measures (M1C1R1.9 is a measure and also the
// CID of seven other measures; M7C1I15.1 is both a measure and its first sub-measure).
const precedence: PnrrCodeSource[][] = [
  ['id_misura', 'codice_univoco_misura'],
  ['codice_univoco_submisura', 'id_submisura'],
  ['codice_cid'],
];

interface Candidate extends PnrrCodeRef {
  source: PnrrCodeSource;
  rank: number;
}

function candidatesOf(row: PnrrCodeRow): [string, Candidate][] {
  const measureCode = row.idMisura.trim();
  const subMeasureCode = row.isSubMeasure ? row.idSubmisura.trim() : null;
  const codes: Record<PnrrCodeSource, string> = {
    id_misura: row.idMisura,
    codice_univoco_misura: row.codiceUnivocoMisura,
    id_submisura: row.idSubmisura,
    codice_univoco_submisura: row.codiceUnivocoSubmisura,
    codice_cid: row.codiceCid,
  };
  return precedence.flatMap((sources, rank) =>
    sources
      .map((source): [string, Candidate] => [
        cleanPnrrCode(codes[source]),
        { source, rank, measureCode, subMeasureCode: rank === 0 ? null : subMeasureCode },
      ])
      .filter(([alias]) => alias !== ''),
  );
}

/**
 * Every code of the official file → canonical measure and sub-measure. A code shared by several
 * sub-measures of one measure names the measure; a code shared by different measures at the same
 * precedence names none of them and is reported as ambiguous.
 */
export function buildPnrrCodeAliases(rows: readonly PnrrCodeRow[]): {
  aliases: PnrrCodeAlias[];
  ambiguous: AmbiguousPnrrCode[];
} {
  const byAlias = new Map<string, Candidate[]>();
  for (const row of rows)
    for (const [alias, candidate] of candidatesOf(row))
      byAlias.set(alias, [...(byAlias.get(alias) ?? []), candidate]);

  const aliases: PnrrCodeAlias[] = [];
  const ambiguous: AmbiguousPnrrCode[] = [];
  for (const [alias, all] of byAlias) {
    const best = Math.min(...all.map((c) => c.rank));
    const winners = all.filter((c) => c.rank === best);
    const source = winners[0]!.source;
    const measureCodes = [...new Set(winners.map((c) => c.measureCode))];
    if (measureCodes.length > 1) {
      ambiguous.push({ alias, source, measureCodes: measureCodes.sort() });
      continue;
    }
    const subMeasureCodes = new Set(winners.map((c) => c.subMeasureCode));
    const subMeasureCode = subMeasureCodes.size === 1 ? winners[0]!.subMeasureCode : null;
    aliases.push({ alias, source, measureCode: measureCodes[0]!, subMeasureCode });
  }
  aliases.sort((a, b) => a.alias.localeCompare(b.alias));
  return { aliases, ambiguous };
}

/** Resolves a code: the alias table first (irregular codes), then the rule. */
export function resolvePnrrCodeWith(
  input: string,
  aliases: ReadonlyMap<string, PnrrCodeRef>,
): PnrrCodeRef | null {
  const key = cleanPnrrCode(input);
  const hit = aliases.get(key);
  if (hit) return { measureCode: hit.measureCode, subMeasureCode: hit.subMeasureCode };
  return normalisePnrrCode(key);
}
