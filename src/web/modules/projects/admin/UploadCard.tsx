import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api.ts';
import { useFormat } from '../../../app/format.ts';
import { MutationError } from '../../../ui/MutationError.tsx';
import { ViolationText } from '../../../ui/ViolationText.tsx';
import type { Upload } from './ImportsPage.tsx';
import { ImportReportView } from './ImportReportView.tsx';

interface UploadCardProps {
  upload: Upload;
  position: number;
  onRemove?: () => void;
}

function sizeOf(bytes: number, format: ReturnType<typeof useFormat>): string {
  if (bytes >= 1024 * 1024) return `${format.decimal(bytes / 1024 / 1024, 1)} MB`;
  return `${format.decimal(bytes / 1024, bytes < 10 * 1024 ? 1 : 0)} KB`;
}

/** One file: its detected kind, then its progress, then its report or why it was refused. */
export function UploadCard({ upload, position, onRemove }: UploadCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `upload-${upload.id}`;
  const percent = Math.round(upload.progress * 100);
  return (
    <article
      className="card card-bg no-after mx-0 p-3 mb-3 mp-upload"
      aria-labelledby={titleId}
      data-testid="upload-card"
    >
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h3 id={titleId} className="h5 mb-1 text-break">
          <span className="visually-hidden">{t('projects.import.fileNumber', { position })} </span>
          {upload.file.name}
        </h3>
        {onRemove ? (
          <button type="button" className="btn btn-outline-secondary btn-xs" onClick={onRemove}>
            {t('projects.import.remove')}
            <span className="visually-hidden"> {upload.file.name}</span>
          </button>
        ) : null}
      </div>
      <p className="small mb-2">
        {upload.kind === 'unknown'
          ? t('projects.import.detected.unknown')
          : t('projects.import.detected.kind', { kind: t(`projects.kinds.${upload.kind}`) })}{' '}
        · {sizeOf(upload.file.size, format)}
      </p>
      <p className="fw-semibold mb-2" aria-live="polite">
        {t(`projects.import.status.${upload.status}`)}
      </p>
      {upload.status === 'uploading' ? (
        <ProgressBar
          percent={percent}
          label={t('projects.import.uploadProgress', { file: upload.file.name })}
        />
      ) : null}
      {/* A small file is all sent (the system holds it) while it still waits for its turn. */}
      {(upload.status === 'uploading' || upload.status === 'processing') &&
      upload.server?.stage === 'waiting' ? (
        <p className="small mb-2" data-testid="upload-in-line">
          {t('projects.import.inLine')}
        </p>
      ) : null}
      {upload.status === 'processing' ? <Processing upload={upload} /> : null}
      {upload.status === 'done' && upload.report ? (
        <ImportReportView report={upload.report} />
      ) : null}
      {upload.status === 'failed' ? <RefusedFile error={upload.error} /> : null}
    </article>
  );
}

/** A bar filled to `percent`, named for assistive technology by `label`. */
function ProgressBar({
  percent,
  label,
  className = 'mb-2',
}: {
  percent: number;
  label: string;
  className?: string;
}) {
  return (
    <div className={`progress ${className}`}>
      <div
        className="progress-bar"
        role="progressbar"
        style={{ width: `${percent}%` }}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
      />
    </div>
  );
}

/**
 * The server's work on the file: how far, once the server has said so (reading the rows is most
 * of it); until then a bar that only says it is working.
 */
function Processing({ upload }: { upload: Upload }) {
  const { t } = useTranslation();
  const label = t('projects.import.processingProgress', { file: upload.file.name });
  const server = upload.server;
  if (!server || !['checking', 'reading', 'comparing', 'done'].includes(server.stage))
    return (
      <div className="progress progress-indeterminate mb-2">
        <div className="progress-bar" role="progressbar" aria-label={label} />
      </div>
    );
  const percent = Math.round(server.fraction * 100);
  return (
    <>
      <ProgressBar percent={percent} label={label} className="mb-1" />
      <p className="small mb-2" data-testid="upload-stage">
        {t(`projects.import.stage.${server.stage}`, { percent })}
      </p>
    </>
  );
}

/** A refused file changed nothing: say so, with the server's reason. */
function RefusedFile({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && (error.status === 422 || error.status === 400)) {
    return (
      <Alert fade={false} color="danger" className="mb-0" data-testid="import-refused">
        <p className="fw-semibold mb-1">{t('projects.import.refused')}</p>
        {error.problem.violations?.length ? (
          <ul className="mb-1">
            {error.problem.violations.map((violation) => (
              <li key={violation.field}>
                {t('projects.import.reason')} <ViolationText violation={violation} />
              </li>
            ))}
          </ul>
        ) : error.problem.detail ? (
          <p className="mb-1">
            {t('projects.import.reason')} <q lang="en">{error.problem.detail}</q>
          </p>
        ) : null}
        <p className="mb-0">{t('projects.import.nothingWritten')}</p>
      </Alert>
    );
  }
  if (isApiError(error, 429))
    return (
      <Alert fade={false} color="warning" className="mb-0" data-testid="import-busy">
        {t('projects.import.busy')}
      </Alert>
    );
  return <MutationError error={error} />;
}
