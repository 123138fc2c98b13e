import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { PnrrCodeRow } from '../../domain/pnrrCode.ts';

/** The bundled real data (reference-data/SOURCES.md §3 PNRR, §4 SDG). */
const root = fileURLToPath(new URL('../../../reference-data/', import.meta.url));

const files = {
  framework: 'pnrr/pnrr_misure_quadro_finanziario_2025.csv',
  missions: 'pnrr/pnrr_missioni.csv',
  components: 'pnrr/pnrr_componenti.csv',
  sdgs: 'sdg/sdg_goals_it.csv',
  measureSdgs: 'sdg/pnrr_misure_sdg_2023.csv',
} as const;

function readCsv(file: string, delimiter: ';' | ','): Record<string, string>[] {
  return parse(readFileSync(root + file, 'utf8'), {
    columns: true,
    bom: true,
    delimiter,
    skip_empty_lines: true,
    trim: true,
  });
}

/** "8978483.60" → 897848360: amounts are summed in cents, exactly. */
export function euroCents(value: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new Error(`not an amount in euro: "${value}"`);
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** One row of the 2025 financial framework: a measure without sub-measures, or a sub-measure. */
export interface FrameworkRow extends PnrrCodeRow {
  missionCode: string;
  missionTitle: string;
  componentCode: string;
  componentTitle: string;
  measureTitle: string;
  subMeasureTitle: string;
  kind: 'investimento' | 'riforma';
  financing: 'prestito' | 'sovvenzione';
  amministrazioneTitolare: string;
  amountCents: number;
}

export function readFramework(): FrameworkRow[] {
  return readCsv(files.framework, ';').map((r) => ({
    missionCode: r.missione!,
    missionTitle: r.descrizione_missione!,
    componentCode: r.componente!,
    componentTitle: r.descrizione_componente!,
    idMisura: r.id_misura!,
    codiceUnivocoMisura: r.codice_univoco_misura!,
    measureTitle: r.descrizione_misura!,
    idSubmisura: r.id_submisura!,
    codiceCid: r.codice_cid!,
    codiceUnivocoSubmisura: r.codice_univoco_submisura!,
    subMeasureTitle: r.descrizione_submisura!,
    isSubMeasure: r.tipo_livello === 'Submisura',
    kind: r.investimento_o_riforma === 'Riforma' ? 'riforma' : 'investimento',
    financing: r.prestito_o_sovvenzione === 'Prestito' ? 'prestito' : 'sovvenzione',
    amministrazioneTitolare: r.amministrazione_titolare!,
    // The original importo_totale is a messy string; importo_totale_eur is it parsed (SOURCES §3).
    amountCents: euroCents(r.importo_totale_eur!),
  }));
}

/** The derived per-mission and per-component sums (pnrr_missioni.csv, pnrr_componenti.csv). */
export interface SummaryRow {
  code: string;
  missionCode: string;
  title: string;
  amountCents: number;
  measures: number;
}

export function readMissionSummaries(): SummaryRow[] {
  return readCsv(files.missions, ';').map((r) => ({
    code: r.missione!,
    missionCode: r.missione!,
    title: r.descrizione_missione!,
    amountCents: euroCents(r.importo_totale_eur!),
    measures: Number(r.n_misure),
  }));
}

export function readComponentSummaries(): SummaryRow[] {
  return readCsv(files.components, ';').map((r) => ({
    code: r.componente!,
    missionCode: r.missione!,
    title: r.descrizione_componente!,
    amountCents: euroCents(r.importo_totale_eur!),
    measures: Number(r.n_misure),
  }));
}

export interface SdgRow {
  goal: number;
  code: string;
  nameIt: string;
  nameEn: string;
  descriptionIt: string;
  descriptionSource: string | null;
}

export function readSdgs(): SdgRow[] {
  return readCsv(files.sdgs, ',').map((r) => ({
    goal: Number(r.goal),
    code: r.code!,
    nameIt: r.name_it!,
    nameEn: r.name_en!,
    descriptionIt: r.description_it!,
    descriptionSource: r.description_source || null,
  }));
}

/** Italia Domani's mapping of the 2023 (pre-REPowerEU) measures to SDGs, per sub-measure. */
export interface MeasureSdgRow {
  codiceUnivocoMisura: string;
  codiceUnivocoSubmisura: string;
  goal: number;
  prevalent: boolean;
}

export function readMeasureSdgs(): MeasureSdgRow[] {
  return readCsv(files.measureSdgs, ',').map((r) => ({
    codiceUnivocoMisura: r.codice_univoco_misura!,
    codiceUnivocoSubmisura: r.codice_univoco_submisura!,
    goal: Number(r.sdg_goal),
    prevalent: r.prevalente === 'si',
  }));
}

/** Identifies the bundled files: the same fingerprint means the same taxonomy. */
export function sourceFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of Object.values(files)) hash.update(file).update(readFileSync(root + file));
  return hash.digest('hex');
}
