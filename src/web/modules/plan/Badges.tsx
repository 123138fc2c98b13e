import { useTranslation } from 'react-i18next';
import { cx } from '../../ui/classNames.ts';
import type { PlanLabels } from './labels.ts';
import type { VersionStatus } from './types.ts';
import { statusBadge } from './versionRules.ts';

export function StatusBadge({ status, className }: { status: VersionStatus; className?: string }) {
  const { t } = useTranslation();
  return (
    <span className={cx('badge', statusBadge[status], className)}>
      {t(`plan.status.${status}`)}
    </span>
  );
}

export function ExampleBadge() {
  const { t } = useTranslation();
  return <span className="badge mp-badge-inferred">{t('plan.example')}</span>;
}

/** "M3 · Mobilità sostenibile": the code for those who know it, the name for those who don't. */
export function MissionChip({ code, labels }: { code: string; labels: PlanLabels }) {
  return (
    <span className={`mp-chip mp-chip-mission mp-mission-${code.toLowerCase()}`}>
      <span className="mp-chip-code">{code}</span>
      <span className="visually-hidden"> </span>
      <span className="mp-chip-name">{labels.missionShort(code)}</span>
    </span>
  );
}

export function SdgChip({ goal, labels }: { goal: number; labels: PlanLabels }) {
  const { t } = useTranslation();
  return (
    <span className="mp-chip mp-chip-sdg">
      <span className="mp-chip-code">{t('plan.sdgCode', { goal })}</span>
      <span className="visually-hidden"> </span>
      <span className="mp-chip-name">{labels.sdgName(goal)}</span>
    </span>
  );
}

interface ItemChipsProps {
  missions: string[];
  sdgs: number[];
  isExample?: boolean;
  labels: PlanLabels;
}

/** The classifications of a goal or action as one wrapping row of chips. */
export function ItemChips({ missions, sdgs, isExample, labels }: ItemChipsProps) {
  const { t } = useTranslation();
  if (!missions.length && !sdgs.length && !isExample) return null;
  return (
    <ul className="mp-chips list-unstyled" aria-label={t('plan.classification')}>
      {missions.map((code) => (
        <li key={code}>
          <MissionChip code={code} labels={labels} />
        </li>
      ))}
      {sdgs.map((goal) => (
        <li key={goal}>
          <SdgChip goal={goal} labels={labels} />
        </li>
      ))}
      {isExample ? (
        <li>
          <ExampleBadge />
        </li>
      ) : null}
    </ul>
  );
}
