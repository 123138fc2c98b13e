import type { TFunction } from 'i18next';
import type { PlanLabels } from './labels.ts';
import type { Scope, Tree } from './types.ts';

/** "1.2 Scuole superiori sicure" for every key of the versions compared. */
export function namesOf(...trees: (Tree | undefined)[]): Map<string, string> {
  const names = new Map<string, string>();
  const name = (item: { code: string | null; title: string }) =>
    item.code ? `${item.code} ${item.title}` : item.title;
  for (const tree of trees) {
    if (!tree) continue;
    for (const item of [...tree.pillars, ...tree.drivers]) names.set(item.key, item.title);
    for (const section of tree.sections) {
      for (const goal of section.goals) {
        names.set(goal.key, name(goal));
        for (const action of goal.actions) names.set(action.key, name(action));
      }
    }
  }
  return names;
}

/** The text of a rich-text description, for side-by-side comparison. */
export function plainText(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function isScope(value: unknown): value is Scope {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

/** A field's value as a reader understands it: names instead of codes and keys. */
export function fieldValueText(
  field: string,
  value: unknown,
  labels: PlanLabels,
  names: Map<string, string>,
  t: TFunction,
): string {
  const none = '—';
  if (value === null || value === undefined || value === '') return none;
  if (Array.isArray(value)) {
    if (value.length === 0) return none;
    const parts = value.map((entry) => {
      if (field === 'missions') return `${entry} ${labels.missionShort(String(entry))}`;
      if (field === 'sdgs')
        return `${t('plan.sdgCode', { goal: entry })} ${labels.sdgName(Number(entry))}`;
      if (field === 'linkedPlans') return t(`plan.linkedPlans.${String(entry)}`);
      if (field === 'pillarKeys' || field === 'driverKeys')
        return names.get(String(entry)) ?? String(entry);
      return String(entry);
    });
    return parts.join('; ');
  }
  if (field === 'scope' && isScope(value)) return labels.scopeText(value);
  if (field === 'orgUnitId') return labels.orgUnitName(String(value)) ?? none;
  if (field === 'description') return plainText(String(value)) || none;
  return String(value);
}
