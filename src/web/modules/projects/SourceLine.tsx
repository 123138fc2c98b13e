import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import type { Project } from './types.ts';

/** Where every figure of the page comes from: the release file and its date, or a manual entry. */
export function SourceLine({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const release = project.release;
  return (
    <div className="mp-source-line" data-testid="project-source">
      <div>
        {release ? (
          <>
            <p className="mb-1">
              {release.releaseDate
                ? t('projects.source.release', {
                    file: release.fileName,
                    date: format.date(release.releaseDate),
                  })
                : t('projects.source.releaseUndated', { file: release.fileName })}
            </p>
            <p className="small mb-0">
              {t('projects.source.imported', { at: format.dateTime(release.importedAt) })}{' '}
              <span className="text-break">
                SHA-256 <code title={release.sha256}>{release.sha256.slice(0, 16)}…</code>
              </span>
            </p>
          </>
        ) : (
          <p className="mb-0">{t('projects.source.manual')}</p>
        )}
      </div>
    </div>
  );
}
