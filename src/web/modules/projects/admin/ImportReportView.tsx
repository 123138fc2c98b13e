import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useFormat } from '../../../app/format.ts';
import { Figures } from '../../../ui/Figures.tsx';
import type { ImportReport } from '../types.ts';

const SHOWN_CHANGES = 100;

/** A project's column (as the import compares it) → the label the project page gives it. */
const fieldLabels: Record<string, string> = {
  programme: 'projects.fields.programme',
  mission: 'projects.fields.mission',
  component: 'projects.fields.component',
  measure_code: 'projects.fields.measure',
  title: 'projects.fields.title',
  summary: 'projects.fields.summary',
  owner: 'projects.fields.owner',
  implementer: 'projects.fields.implementer',
  implementer_tax_code: 'projects.import.report.implementerTaxCode',
  cup_status: 'projects.fields.cupStatus',
  nature: 'projects.fields.nature',
  typology: 'projects.fields.typology',
  sector: 'projects.fields.sector',
  procedure: 'projects.fields.procedure',
  source_updated_at: 'projects.fields.sourceUpdatedAt',
  progress: 'projects.fields.progress',
  start_planned: 'projects.fields.startPlanned',
  start_actual: 'projects.fields.startActual',
  end_planned: 'projects.fields.endPlanned',
  end_actual: 'projects.fields.endActual',
  funding_total_public: 'projects.import.report.fundingTotalPublic',
};

/** The funding columns → their source's label (`funding_other_public` → "Altro pubblico"). */
const fundingSources: Record<string, string> = {
  funding_pnrr: 'pnrr',
  funding_pnc: 'pnc',
  funding_eu_other: 'euOther',
  funding_state: 'state',
  funding_region: 'region',
  funding_province: 'province',
  funding_comune: 'comune',
  funding_other_public: 'otherPublic',
  funding_private: 'private',
  funding_to_find: 'toFind',
  funding_other: 'other',
  funding_total: 'total',
};

/** A changed field as the reader knows it ("Titolo", "Finanziamento PNRR"), not its column. */
export function changedField(t: TFunction, field: string): string {
  const source = fundingSources[field];
  if (source)
    return t('projects.import.report.fundingField', { source: t(`projects.funding.${source}`) });
  const label = fieldLabels[field];
  return label ? t(label) : field;
}

/** What an import did to the data: counts as figures, then the rows refused, fields changed, columns ignored. */
export function ImportReportView({ report }: { report: Partial<ImportReport> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (value: number | undefined) => format.integer(value ?? 0);
  const figures = [
    { label: t('projects.import.report.rowsRead'), value: count(report.rowsRead) },
    { label: t('projects.import.report.created'), value: count(report.created) },
    { label: t('projects.import.report.updated'), value: count(report.updated) },
    { label: t('projects.import.report.unchanged'), value: count(report.unchanged) },
    { label: t('projects.import.report.removed'), value: count(report.removed) },
    { label: t('projects.import.report.skipped'), value: count(report.skipped) },
    { label: t('projects.import.report.rejected'), value: count(report.rejected) },
  ];
  return (
    <div className="mp-import-report" data-testid="import-report">
      <p className="small mb-2">
        {[
          report.kind ? t(`projects.kinds.${report.kind}`, { defaultValue: report.kind }) : null,
          report.releaseDate
            ? t('projects.import.report.releaseDate', { date: format.date(report.releaseDate) })
            : null,
          report.encoding
            ? t('projects.import.report.encoding', {
                encoding: t(`projects.import.encodings.${report.encoding}`, {
                  defaultValue: report.encoding,
                }),
              })
            : null,
          report.scope === 'territory' ? t('projects.import.territoryOnly') : null,
          report.durationMs !== undefined
            ? t('projects.import.report.duration', {
                seconds: format.decimal(report.durationMs / 1000, 1),
              })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <Figures items={figures} />
      <RejectedRows report={report} />
      <Changes report={report} />
      <Absent report={report} />
      {report.unknownColumns && report.unknownColumns.length > 0 ? (
        <>
          <h4 className="h6 mt-3">{t('projects.import.report.unknownColumns')}</h4>
          <p className="small mb-1">{t('projects.import.report.unknownColumnsNote')}</p>
          <ul className="mp-inline-list small">
            {report.unknownColumns.map((column) => (
              <li key={column}>
                <code>{column}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.sha256 ? (
        <p className="small text-break mb-0">
          SHA-256 <code>{report.sha256}</code>
        </p>
      ) : null}
    </div>
  );
}

function RejectedRows({ report }: { report: Partial<ImportReport> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = report.rejectedRows ?? [];
  if (rows.length === 0) return null;
  return (
    <>
      <h4 className="h6 mt-3">{t('projects.import.report.rejectedRows')}</h4>
      {report.rejected && report.rejected > rows.length ? (
        <p className="small">
          {t('projects.import.report.rejectedShown', {
            shown: format.integer(rows.length),
            total: format.integer(report.rejected),
          })}
        </p>
      ) : null}
      <div
        className="table-responsive mp-scroll-table"
        tabIndex={0}
        role="region"
        aria-label={t('projects.import.report.rejectedRows')}
      >
        <table className="table table-sm">
          <caption className="visually-hidden">{t('projects.import.report.rejectedRows')}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-end">
                {t('projects.import.report.row')}
              </th>
              <th scope="col">{t('projects.import.report.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <th scope="row" className="text-end">
                  {format.integer(row.row)}
                </th>
                {row.problems ? (
                  <td>
                    {row.problems
                      .map((p, i) =>
                        t(`projects.import.problems.${p.code}`, {
                          ...p,
                          defaultValue: row.reasons[i],
                        }),
                      )
                      .join('; ')}
                  </td>
                ) : (
                  <td lang="en">{row.reasons.join('; ')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Changes({ report }: { report: Partial<ImportReport> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const changes = report.changes ?? [];
  if (changes.length === 0) return null;
  return (
    <>
      <h4 className="h6 mt-3">{t('projects.import.report.changes', { count: changes.length })}</h4>
      <button
        type="button"
        className="btn btn-outline-primary btn-xs"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t('projects.import.report.hideChanges') : t('projects.import.report.showChanges')}
      </button>
      <div id={listId} hidden={!open}>
        {open ? (
          <div
            className="table-responsive mp-scroll-table mt-2"
            tabIndex={0}
            role="region"
            aria-label={t('projects.import.report.changes', { count: changes.length })}
          >
            <table className="table table-sm">
              <caption className="visually-hidden">
                {t('projects.import.report.changes', { count: changes.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.import.report.key')}</th>
                  <th scope="col">{t('projects.import.report.fields')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.slice(0, SHOWN_CHANGES).map((change) => (
                  <tr key={change.key}>
                    <th scope="row" className="fw-normal">
                      <code>{change.key}</code>
                    </th>
                    <td>{change.fields.map((field) => changedField(t, field)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {changes.length > SHOWN_CHANGES ? (
              <p className="small">
                {t('projects.import.report.changesShown', { count: SHOWN_CHANGES })}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}

/** Projects stored from earlier releases that the file does not list (Progetti only). */
function Absent({ report }: { report: Partial<ImportReport> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const absent = report.absent;
  if (!absent || absent.count === 0) return null;
  return (
    <>
      <h4 className="h6 mt-3">{t('projects.import.report.absent', { count: absent.count })}</h4>
      <p className="small mb-1">{t('projects.import.report.absentNote')}</p>
      <button
        type="button"
        className="btn btn-outline-primary btn-xs"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {open ? t('projects.import.report.hideAbsent') : t('projects.import.report.showAbsent')}
      </button>
      <div id={listId} hidden={!open}>
        {open ? (
          <>
            {/* A box that scrolls: reachable by keyboard, as the other lists of the report. */}
            <ul
              className="list-unstyled small mt-2 mb-1 p-2 mp-scroll-table"
              aria-label={t('projects.import.report.absentKey')}
              tabIndex={0}
            >
              {absent.keys.map((key) => (
                <li key={key}>
                  <code>{key}</code>
                </li>
              ))}
            </ul>
            {absent.count > absent.keys.length ? (
              <p className="small">
                {t('projects.import.report.absentShown', { count: absent.keys.length })}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
