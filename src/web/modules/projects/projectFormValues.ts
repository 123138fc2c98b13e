import type { TFunction } from 'i18next';
import {
  fundingSources,
  type FundingSource,
  type ManualProjectFields,
  type Project,
} from './types.ts';

/** A project entered by hand as the form holds it: one string per input. */
export interface ProjectFormValues {
  cup: string;
  localCode: string;
  title: string;
  programme: string;
  summary: string;
  mission: string;
  measure: string;
  implementer: string;
  cupStatus: string;
  progress: string;
  /** yyyy-mm-dd, as a date input holds it; '' when not stated. */
  startPlanned: string;
  startActual: string;
  endPlanned: string;
  endActual: string;
  orgUnitId: string;
  comuni: string[];
  funding: Record<FundingSource, string>;
}

/** A project's dates: the planned and actual start and end. */
export const projectDates = ['startPlanned', 'endPlanned', 'startActual', 'endActual'] as const;

export const projectFormFields = [
  'cup',
  'localCode',
  'title',
  'programme',
  'summary',
  'mission',
  'measure',
  'implementer',
  'cupStatus',
  'progress',
  ...projectDates,
  'orgUnitId',
  'comuni',
  ...fundingSources.map((source) => `funding.${source}`),
];

const noFunding = () =>
  Object.fromEntries(fundingSources.map((source) => [source, ''])) as Record<FundingSource, string>;

export function blankProjectValues(orgUnitId = ''): ProjectFormValues {
  return {
    cup: '',
    localCode: '',
    title: '',
    programme: '',
    summary: '',
    mission: '',
    measure: '',
    implementer: '',
    cupStatus: '',
    progress: '',
    startPlanned: '',
    startActual: '',
    endPlanned: '',
    endActual: '',
    orgUnitId,
    comuni: [],
    funding: noFunding(),
  };
}

/** Amounts are shown without thousands separators, with the decimal comma in Italian. */
function amountText(value: number | null, language: string): string {
  if (value === null) return '';
  const text = String(value);
  return language === 'en' ? text : text.replace('.', ',');
}

export function projectValuesOf(project: Project, language: string): ProjectFormValues {
  return {
    cup: project.cup,
    localCode: project.localCode,
    title: project.title,
    programme: project.programme,
    summary: project.summary ?? '',
    mission: project.mission ?? '',
    measure: project.subMeasureCode || project.measureCode || '',
    implementer: project.implementer ?? '',
    cupStatus: project.cupStatus ?? '',
    progress: project.progress ?? '',
    startPlanned: project.startPlanned ?? '',
    startActual: project.startActual ?? '',
    endPlanned: project.endPlanned ?? '',
    endActual: project.endActual ?? '',
    orgUnitId: '',
    comuni: project.comuni.map((comune) => comune.code),
    funding: Object.fromEntries(
      fundingSources.map((source) => [source, amountText(project.funding[source], language)]),
    ) as Record<FundingSource, string>,
  };
}

/**
 * "250000", "250000,50", "250.000,50" and "250000.50" all read as euro; an empty field is an
 * amount not stated (null), which is not zero.
 */
export function parseAmount(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s€\u00a0]/g, '');
  if (cleaned === '') return null;
  let normal = cleaned;
  if (cleaned.includes(',')) normal = cleaned.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(cleaned)) normal = cleaned.replace(/\./g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return undefined;
  return Number(normal);
}

const CUP = /^[A-Z0-9]{15}$/;

export function validateProjectValues(
  values: ProjectFormValues,
  t: TFunction,
  creating: boolean,
  orgUnitRequired: boolean,
): Record<string, string> {
  const found: Record<string, string> = {};
  if (creating) {
    const cup = values.cup.trim().toUpperCase();
    if (!cup) found.cup = t('validation.required');
    else if (!CUP.test(cup)) found.cup = t('projects.form.cupInvalid');
  }
  const title = values.title.trim();
  if (!title) found.title = t('validation.required');
  else if (title.length < 3) found.title = t('validation.minLength', { count: 3 });
  const programme = values.programme.trim();
  if (!programme) found.programme = t('validation.required');
  else if (programme.length < 2) found.programme = t('validation.minLength', { count: 2 });
  if (orgUnitRequired && !values.orgUnitId) found.orgUnitId = t('projects.form.orgUnitRequired');
  for (const source of fundingSources)
    if (parseAmount(values.funding[source]) === undefined)
      found[`funding.${source}`] = t('projects.form.amountInvalid');
  for (const [start, end] of [
    ['startPlanned', 'endPlanned'],
    ['startActual', 'endActual'],
  ] as const)
    if (values[start] && values[end] && values[end] < values[start])
      found[end] = t('errors.violations.endBeforeStart');
  return found;
}

const orNull = (text: string) => text.trim() || null;

/** The API's fields for these values (POST /projects). */
export function projectFieldsOf(values: ProjectFormValues): ManualProjectFields {
  return {
    cup: values.cup.trim().toUpperCase(),
    localCode: orNull(values.localCode),
    title: values.title.trim(),
    programme: values.programme.trim(),
    summary: orNull(values.summary),
    mission: values.mission || null,
    measure: values.measure || null,
    implementer: orNull(values.implementer),
    cupStatus: orNull(values.cupStatus),
    progress: orNull(values.progress),
    startPlanned: values.startPlanned || null,
    startActual: values.startActual || null,
    endPlanned: values.endPlanned || null,
    endActual: values.endActual || null,
    orgUnitId: values.orgUnitId || null,
    comuni: values.comuni,
    // Only the amounts stated: the API stores an explicit null as 0 (see the report of this work).
    funding: Object.fromEntries(
      fundingSources.flatMap((source) => {
        const amount = parseAmount(values.funding[source]);
        return typeof amount === 'number' ? [[source, amount]] : [];
      }),
    ),
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join() === [...b].sort().join();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only what the user changed is sent (PATCH): the audit log then says what they did. */
export function changedProjectFields(
  values: ProjectFormValues,
  base: ProjectFormValues,
): ManualProjectFields {
  const next = projectFieldsOf(values);
  const before = projectFieldsOf(base);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof ManualProjectFields)[]) {
    // The CUP and the local code name the project; the org unit is set on the project page.
    if (key === 'cup' || key === 'localCode' || key === 'orgUnitId') continue;
    if (!same(next[key], before[key])) changes[key] = next[key];
  }
  return changes as ManualProjectFields;
}

/** API violations (`funding.pnrr`, `comuni/0`…) keyed by the form's own field names. */
export function projectErrorsOf(byField: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, reason] of Object.entries(byField)) {
    const name = field.startsWith('funding') ? field.replace('/', '.') : field.split(/[./]/)[0]!;
    errors[name] ??= reason;
  }
  return errors;
}
