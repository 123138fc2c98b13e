import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { SelectField } from '../../ui/fields.tsx';
import type { Plan, VersionSummary } from './types.ts';
import { versionPath, versionsNewestFirst } from './versionRules.ts';

interface VersionSelectProps {
  plan: Plan;
  current: VersionSummary;
  className?: string;
}

/**
 * Switches to another version of the plan on the same page: items keep their key across
 * versions, so a goal's page in version 1 is the same goal's page in version 2.
 */
export function VersionSelect({ plan, current, className }: VersionSelectProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const prefix = versionPath(plan.slug, current.number);
  const rest = location.pathname.startsWith(prefix) ? location.pathname.slice(prefix.length) : '';
  return (
    <SelectField
      className={className}
      label={t('plan.versionSelect')}
      value={String(current.number)}
      onChange={(number) => navigate(`${versionPath(plan.slug, number)}${rest}${location.search}`)}
      options={versionsNewestFirst(plan).map((version) => ({
        value: String(version.number),
        label: `${t('plan.versionName', { number: version.number, label: version.label })} (${t(
          `plan.status.${version.status}`,
        ).toLowerCase()})`,
      }))}
    />
  );
}
