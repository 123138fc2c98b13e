import { searchableName } from '../../domain/istat.ts';
import {
  buildPnrrCodeAliases,
  resolvePnrrCodeWith,
  type AmbiguousPnrrCode,
  type PnrrCodeAlias,
} from '../../domain/pnrrCode.ts';
import type { FrameworkRow, MeasureSdgRow, SdgRow, SummaryRow } from './referenceData.ts';

/** The rows of the taxonomy tables, built from the bundled files without I/O. */
export interface Taxonomy {
  missions: {
    code: string;
    title: string;
    allocationEur: number;
    isRepowerEu: boolean;
    position: number;
  }[];
  components: {
    code: string;
    missionCode: string;
    title: string;
    allocationEur: number;
    position: number;
  }[];
  measures: {
    code: string;
    uniqueCode: string;
    missionCode: string;
    componentCode: string;
    kind: 'investimento' | 'riforma';
    title: string;
    allocationEur: number;
    amministrazioneTitolare: string;
    financing: string;
    searchText: string;
  }[];
  subMeasures: {
    code: string;
    uniqueCode: string;
    measureCode: string;
    cidCode: string | null;
    title: string;
    allocationEur: number;
    amministrazioneTitolare: string;
    financing: string;
  }[];
  aliases: PnrrCodeAlias[];
  ambiguousCodes: AmbiguousPnrrCode[];
  sdgs: SdgRow[];
  measureSdgs: { measureCode: string; goal: number; prevalent: boolean }[];
  /** Measures of the 2023 SDG mapping that the revised PNRR no longer has (padded codes). */
  unmappedSdgMeasures: string[];
}

export interface TaxonomySources {
  framework: FrameworkRow[];
  missions: SummaryRow[];
  components: SummaryRow[];
  sdgs: SdgRow[];
  measureSdgs: MeasureSdgRow[];
}

const euro = (cents: number) => cents / 100;
const distinct = <T>(values: T[]) => [...new Set(values)];

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const sumCents = (rows: readonly { amountCents: number }[]) =>
  rows.reduce((total, r) => total + r.amountCents, 0);

function measuresOf(framework: readonly FrameworkRow[]): Taxonomy['measures'] {
  return [...groupBy(framework, (r) => r.idMisura)].map(([code, rows]) => {
    const first = rows[0]!;
    const financings = distinct(rows.map((r) => r.financing));
    const subTitles = rows.filter((r) => r.isSubMeasure).map((r) => r.subMeasureTitle);
    return {
      code,
      uniqueCode: first.codiceUnivocoMisura,
      missionCode: first.missionCode,
      componentCode: first.componentCode,
      kind: first.kind,
      title: first.measureTitle,
      allocationEur: euro(sumCents(rows)),
      amministrazioneTitolare: distinct(rows.map((r) => r.amministrazioneTitolare)).join('; '),
      financing: financings.length > 1 ? 'misto' : financings[0]!,
      searchText: searchableName([first.measureTitle, ...subTitles].join(' ')),
    };
  });
}

function subMeasuresOf(framework: readonly FrameworkRow[]): Taxonomy['subMeasures'] {
  return framework
    .filter((r) => r.isSubMeasure)
    .map((r) => ({
      code: r.idSubmisura,
      uniqueCode: r.codiceUnivocoSubmisura,
      measureCode: r.idMisura,
      cidCode: r.codiceCid || null,
      title: r.subMeasureTitle,
      allocationEur: euro(r.amountCents),
      amministrazioneTitolare: r.amministrazioneTitolare,
      financing: r.financing,
    }));
}

/**
 * The 2023 mapping is per sub-measure with padded codes: each row is resolved to a measure of the
 * revised plan; a goal is prevalent for a measure when it is prevalent for any of its rows.
 */
function measureSdgsOf(
  rows: readonly MeasureSdgRow[],
  aliases: readonly PnrrCodeAlias[],
  measureCodes: ReadonlySet<string>,
): Pick<Taxonomy, 'measureSdgs' | 'unmappedSdgMeasures'> {
  const lookup = new Map(aliases.map((a) => [a.alias, a]));
  const prevalentOf = new Map<string, boolean>();
  const unmapped = new Set<string>();
  for (const row of rows) {
    const measureCode = resolvePnrrCodeWith(row.codiceUnivocoMisura, lookup)?.measureCode;
    if (!measureCode || !measureCodes.has(measureCode)) {
      unmapped.add(row.codiceUnivocoMisura);
      continue;
    }
    const key = `${measureCode}|${row.goal}`;
    prevalentOf.set(key, (prevalentOf.get(key) ?? false) || row.prevalent);
  }
  const measureSdgs = [...prevalentOf].map(([key, prevalent]) => {
    const [measureCode, goal] = key.split('|');
    return { measureCode: measureCode!, goal: Number(goal), prevalent };
  });
  return { measureSdgs, unmappedSdgMeasures: [...unmapped].sort() };
}

export function assembleTaxonomy(sources: TaxonomySources): Taxonomy {
  const measures = measuresOf(sources.framework);
  const { aliases, ambiguous } = buildPnrrCodeAliases(sources.framework);
  return {
    missions: sources.missions.map((m, position) => ({
      code: m.code,
      title: m.title,
      allocationEur: euro(m.amountCents),
      isRepowerEu: /repowereu/i.test(m.title),
      position,
    })),
    components: sources.components.map((c, position) => ({
      code: c.code,
      missionCode: c.missionCode,
      title: c.title,
      allocationEur: euro(c.amountCents),
      position,
    })),
    measures,
    subMeasures: subMeasuresOf(sources.framework),
    aliases,
    ambiguousCodes: ambiguous,
    sdgs: sources.sdgs,
    ...measureSdgsOf(sources.measureSdgs, aliases, new Set(measures.map((m) => m.code))),
  };
}

export interface TaxonomyTotals {
  missions: number;
  components: number;
  measures: number;
  subMeasures: number;
  /** Sums of the allocations of measures, of components and of missions: each must be the total. */
  measuresCents: number;
  componentsCents: number;
  missionsCents: number;
  /** Missions and components whose allocation is not the sum of their measures'. */
  missionsNotAddingUp: number;
  componentsNotAddingUp: number;
}

/** What the bundled files say the loaded tables must hold. */
export function expectedTotals(sources: TaxonomySources): TaxonomyTotals {
  const totalCents = sumCents(sources.framework);
  return {
    missions: distinct(sources.framework.map((r) => r.missionCode)).length,
    components: distinct(sources.framework.map((r) => r.componentCode)).length,
    measures: distinct(sources.framework.map((r) => r.idMisura)).length,
    subMeasures: sources.framework.filter((r) => r.isSubMeasure).length,
    measuresCents: totalCents,
    componentsCents: totalCents,
    missionsCents: totalCents,
    missionsNotAddingUp: 0,
    componentsNotAddingUp: 0,
  };
}

/** Each difference between two sets of totals, as a sentence; empty when they agree. */
export function totalsDiscrepancies(expected: TaxonomyTotals, actual: TaxonomyTotals): string[] {
  return (Object.keys(expected) as (keyof TaxonomyTotals)[])
    .filter((key) => expected[key] !== actual[key])
    .map((key) => `${key}: expected ${expected[key]}, found ${actual[key]}`);
}
