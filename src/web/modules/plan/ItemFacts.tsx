import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanLabels } from './labels.ts';
import type { PlanItem } from './types.ts';

interface ItemFactsProps {
  item: PlanItem;
  labels: PlanLabels;
  /** In the tree: only the facts that are set, on one or two lines. */
  compact?: boolean;
  /** PNRR measure titles by code, where the page has looked them up. */
  measureTitles?: Map<string, string>;
}

/** Scope, org unit, period, PNRR measures and linked plans of a goal or action. */
export function ItemFacts({ item, labels, compact, measureTitles }: ItemFactsProps) {
  const { t } = useTranslation();
  const facts: { label: string; value: ReactNode }[] = [
    { label: t('plan.fields.scope'), value: labels.scopeText(item.scope) },
    {
      label: t('plan.fields.orgUnit'),
      value: labels.orgUnitName(item.orgUnitId) ?? (compact ? null : t('plan.notSet')),
    },
    {
      label: t('plan.fields.period'),
      value: periodText(item, t) ?? (compact ? null : t('plan.notSet')),
    },
    {
      label: t('plan.fields.measures'),
      value: item.measures.length ? (
        measureTitles ? (
          <ul className="list-unstyled mb-0">
            {item.measures.map((code) => (
              <li key={code}>
                <strong>{code}</strong>
                {measureTitles.has(code) ? ` ${measureTitles.get(code)}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          item.measures.join(', ')
        )
      ) : compact ? null : (
        t('plan.notSet')
      ),
    },
    {
      label: t('plan.fields.linkedPlans'),
      value: item.linkedPlans.length
        ? item.linkedPlans.map((kind) => t(`plan.linkedPlans.${kind}`)).join(', ')
        : compact
          ? null
          : t('plan.notSet'),
    },
  ].filter((fact) => fact.value !== null);
  return (
    <dl className={compact ? 'mp-facts-inline small' : 'mp-facts'}>
      {facts.map((fact) => (
        <div key={fact.label} className={compact ? undefined : 'mp-fact'}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function periodText(
  item: Pick<PlanItem, 'periodStart' | 'periodEnd'>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | null {
  const { periodStart: start, periodEnd: end } = item;
  if (start && end) return t('plan.periodRange', { start, end });
  if (start) return t('plan.periodFrom', { start });
  if (end) return t('plan.periodUntil', { end });
  return null;
}
