import { Button } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../app/title.ts';
import { CheckboxField } from '../../../ui/fields.tsx';
import { useInvalidateProjects } from '../hooks.ts';
import type { ImportReport } from '../types.ts';
import { detectKind, rankOf, type DetectedKind } from './fileKind.ts';
import { FileDrop } from './FileDrop.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { UploadCard } from './UploadCard.tsx';
import { uploadImport, type ServerProgress } from './uploadImport.ts';
import '../projects.css';

export type UploadStatus = 'waiting' | 'uploading' | 'processing' | 'done' | 'failed';

export interface Upload {
  id: number;
  file: File;
  kind: DetectedKind;
  status: UploadStatus;
  progress: number;
  report?: ImportReport;
  error?: unknown;
  /** What the server last said of it (in line, or how far its import is). */
  server?: ServerProgress;
}

let nextId = 1;

/** `/admin/importazioni`: the official PNRR files uploaded, their reports, and the history. */
export default function ImportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.import.title'));
  const invalidate = useInvalidateProjects();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [territoryOnly, setTerritoryOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const results = useRef<HTMLHeadingElement>(null);

  const patch = (id: number, change: Partial<Upload>) =>
    setUploads((list) =>
      list.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)),
    );

  const choose = async (files: File[]) => {
    const detected = await Promise.all(
      files.map(async (file) => ({ file, kind: await detectKind(file) })),
    );
    // Places before projects, projects before their subjects: each file finds what it refers to.
    const ordered = [...detected].sort((a, b) => rankOf(a.kind) - rankOf(b.kind));
    setUploads((list) => [
      ...list.filter((upload) => upload.status !== 'waiting'),
      ...ordered.map(({ file, kind }): Upload => ({
        id: nextId++,
        file,
        kind,
        status: 'waiting',
        progress: 0,
      })),
    ]);
  };

  const start = async () => {
    const queue = uploads.filter((upload) => upload.status === 'waiting');
    if (queue.length === 0) return;
    setBusy(true);
    results.current?.focus();
    for (const upload of queue) {
      patch(upload.id, { status: 'uploading', progress: 0 });
      try {
        const report = await uploadImport(upload.file, territoryOnly ? 'territory' : 'all', {
          onProgress: (progress) => patch(upload.id, { progress }),
          onUploaded: () => patch(upload.id, { status: 'processing', progress: 1 }),
          onServerProgress: (server) => patch(upload.id, { server }),
        });
        patch(upload.id, { status: 'done', report });
      } catch (error) {
        // Each file is all or nothing: a refused one leaves the others to go on.
        patch(upload.id, { status: 'failed', error });
      }
    }
    setBusy(false);
    invalidate();
  };

  const waiting = uploads.filter((upload) => upload.status === 'waiting').length;

  return (
    <>
      <h1>{t('projects.import.title')}</h1>
      <p>{t('projects.import.lead')}</p>
      <section aria-labelledby="import-choose" className="card card-bg no-after p-4 mb-4">
        <h2 id="import-choose" className="h4">
          {t('projects.import.choose')}
        </h2>
        <FileDrop disabled={busy} onFiles={(files) => void choose(files)} />
        <CheckboxField
          className="mt-3"
          label={t('projects.import.territoryOnly')}
          checked={territoryOnly}
          onChange={setTerritoryOnly}
          disabled={busy}
        />
        <p className="small">{t('projects.import.territoryHint')}</p>
        <p className="small">{t('projects.import.orderHint')}</p>
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" disabled={busy || waiting === 0} onClick={() => void start()}>
            {busy
              ? t('projects.import.running')
              : waiting > 0
                ? t('projects.import.start', { count: waiting })
                : t('projects.import.startNone')}
          </Button>
          {waiting > 0 && !busy ? (
            <Button
              color="secondary"
              outline
              onClick={() => setUploads((list) => list.filter((u) => u.status !== 'waiting'))}
            >
              {t('projects.import.clear')}
            </Button>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="import-files" className="mb-5">
        <h2 id="import-files" className="h4 mp-focus-target" tabIndex={-1} ref={results}>
          {t('projects.import.files')}
        </h2>
        {uploads.length === 0 ? (
          <p>{t('projects.import.noFiles')}</p>
        ) : (
          <ol className="list-unstyled mp-uploads">
            {uploads.map((upload, index) => (
              <li key={upload.id}>
                <UploadCard
                  upload={upload}
                  position={index + 1}
                  onRemove={
                    upload.status === 'waiting' && !busy
                      ? () => setUploads((list) => list.filter((u) => u.id !== upload.id))
                      : undefined
                  }
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      <ImportHistory />
    </>
  );
}
