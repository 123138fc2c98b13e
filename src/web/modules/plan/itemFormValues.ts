import type { TFunction } from 'i18next';
import type { ItemFields, PlanItem, ScopeKind } from './types.ts';

/** A goal or action as the form holds it: strings and lists of strings, one per input. */
export interface ItemFormValues {
  title: string;
  code: string;
  description: string;
  missions: string[];
  sdgs: string[];
  measures: string;
  linkedPlans: string[];
  pillarKeys: string[];
  driverKeys: string[];
  scopeKind: ScopeKind;
  zones: string[];
  comuni: string[];
  orgUnitId: string;
  periodStart: string;
  periodEnd: string;
}

export const formFields = [
  'title',
  'code',
  'description',
  'missions',
  'sdgs',
  'measures',
  'linkedPlans',
  'pillarKeys',
  'driverKeys',
  'scopeKind',
  'zones',
  'comuni',
  'orgUnitId',
  'periodStart',
  'periodEnd',
] as const satisfies readonly (keyof ItemFormValues)[];

export function blankValues(orgUnitId = ''): ItemFormValues {
  return {
    title: '',
    code: '',
    description: '',
    missions: [],
    sdgs: [],
    measures: '',
    linkedPlans: [],
    pillarKeys: [],
    driverKeys: [],
    scopeKind: 'metro',
    zones: [],
    comuni: [],
    orgUnitId,
    periodStart: '',
    periodEnd: '',
  };
}

export function valuesOf(item: PlanItem): ItemFormValues {
  return {
    title: item.title,
    code: item.code ?? '',
    description: item.description,
    missions: [...item.missions],
    sdgs: item.sdgs.map(String),
    measures: item.measures.join(', '),
    linkedPlans: [...item.linkedPlans],
    pillarKeys: [...item.pillarKeys],
    driverKeys: [...item.driverKeys],
    scopeKind: (item.scope.kind as ScopeKind) ?? 'metro',
    zones: [...item.scope.zones],
    comuni: [...item.scope.comuni],
    orgUnitId: item.orgUnitId ?? '',
    periodStart: item.periodStart ? String(item.periodStart) : '',
    periodEnd: item.periodEnd ? String(item.periodEnd) : '',
  };
}

function measureList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

const year = (text: string) => (text.trim() ? Number(text.trim()) : null);

/** The API's fields for these values. */
export function fieldsOf(values: ItemFormValues): Required<Omit<ItemFields, 'title'>> & {
  title: string;
} {
  return {
    title: values.title.trim(),
    code: values.code.trim() || null,
    description: values.description,
    missions: values.missions,
    sdgs: values.sdgs.map(Number),
    measures: measureList(values.measures),
    linkedPlans: values.linkedPlans,
    pillarKeys: values.pillarKeys,
    driverKeys: values.driverKeys,
    scope: {
      kind: values.scopeKind,
      zones: values.scopeKind === 'zones' ? values.zones : [],
      comuni: values.scopeKind === 'comuni' ? values.comuni : [],
    },
    orgUnitId: values.orgUnitId || null,
    periodStart: year(values.periodStart),
    periodEnd: year(values.periodEnd),
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return [...a].map(String).sort().join('\u0000') === [...b].map(String).sort().join('\u0000');
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only what the user changed is sent: the audit log then says what they did. */
export function changedFields(values: ItemFormValues, base: ItemFormValues): ItemFields {
  const next = fieldsOf(values);
  const before = fieldsOf(base);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (!same(next[key], before[key])) changes[key] = next[key];
  }
  return changes as ItemFields;
}

/** The form fields whose values differ: what a conflict shows side by side. */
export function differingFields(a: ItemFormValues, b: ItemFormValues): (keyof ItemFormValues)[] {
  return formFields.filter((field) => !same(a[field], b[field]));
}

const MEASURE = /^M[1-7]C[0-9][IR][0-9A-Za-z.]{1,12}$/;

export function validateValues(
  values: ItemFormValues,
  t: TFunction,
  orgUnitRequired: boolean,
): Record<string, string> {
  const found: Record<string, string> = {};
  const title = values.title.trim();
  if (!title) found.title = t('validation.required');
  else if (title.length < 3) found.title = t('validation.minLength', { count: 3 });
  if (values.code.trim().length > 20) found.code = t('plan.form.codeTooLong');
  const wrong = measureList(values.measures).filter((code) => !MEASURE.test(code));
  if (wrong.length) found.measures = t('plan.form.measuresInvalid', { codes: wrong.join(', ') });
  if (values.scopeKind === 'zones' && values.zones.length === 0)
    found.zones = t('plan.form.zonesRequired');
  if (values.scopeKind === 'comuni' && values.comuni.length === 0)
    found.comuni = t('plan.form.comuniRequired');
  if (orgUnitRequired && !values.orgUnitId) found.orgUnitId = t('plan.form.orgUnitRequired');
  for (const field of ['periodStart', 'periodEnd'] as const) {
    const text = values[field].trim();
    if (text && !/^\d{4}$/.test(text)) found[field] = t('plan.form.yearInvalid');
    else if (text && (Number(text) < 2000 || Number(text) > 2100))
      found[field] = t('plan.form.yearInvalid');
  }
  if (
    !found.periodStart &&
    !found.periodEnd &&
    values.periodStart.trim() &&
    values.periodEnd.trim() &&
    Number(values.periodEnd) < Number(values.periodStart)
  )
    found.periodEnd = t('plan.form.periodOrder');
  return found;
}

/** API violations (`scope.zones`, `measures/0`…) keyed by the form's own field names. */
export function formErrorsOf(byField: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, reason] of Object.entries(byField)) {
    const name =
      field === 'scope.zones'
        ? 'zones'
        : field === 'scope.comuni'
          ? 'comuni'
          : field.split(/[./]/)[0]!;
    errors[name === 'scope' ? 'scopeKind' : name] ??= reason;
  }
  return errors;
}
