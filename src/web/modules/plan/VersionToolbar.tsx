import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { API_BASE } from '../../app/api.ts';
import { DownloadButton } from '../../ui/DownloadButton.tsx';
import { exportFormats, type Plan, type VersionDetail } from './types.ts';
import { versionPath } from './versionRules.ts';

/** Downloads of the whole version, the print view and the comparison with other versions. */
export function VersionToolbar({ plan, version }: { plan: Plan; version: VersionDetail }) {
  const { t } = useTranslation();
  return (
    <div className="mp-version-toolbar mp-no-print" role="group" aria-label={t('plan.toolbar')}>
      <span className="fw-semibold me-1">{t('plan.export.label')}</span>
      {exportFormats.map((format) => (
        <DownloadButton
          key={format}
          href={`${API_BASE}/plan-versions/${version.id}/export?format=${format}`}
          hint={t('plan.export.hint', { format })}
        >
          {format.toUpperCase()}
        </DownloadButton>
      ))}
      <Link
        className="btn btn-outline-primary btn-xs"
        to={`${versionPath(plan.slug, version.number)}/stampa`}
      >
        {t('plan.print.link')}
      </Link>
      {plan.versions.length > 1 ? (
        <Link
          className="btn btn-outline-primary btn-xs"
          to={`/piano/${plan.slug}/confronta?a=${version.number}`}
        >
          {t('plan.compare.link')}
        </Link>
      ) : null}
    </div>
  );
}
