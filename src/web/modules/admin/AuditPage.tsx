import { Table } from 'design-react-kit';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { toPage, useSearchState } from '../../app/searchState.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { isSystemAdmin } from '../identity/policy.ts';
import { actionKey, actionOptions, actorKind, auditEntityTypes } from './auditLabels.ts';
import { useAudit, useUsers } from './hooks.ts';
import type { AuditEntry } from './types.ts';

const PAGE_SIZE = 25;
const defaults = { entityType: '', action: '', actorId: '', from: '', to: '', page: '1' };

/** UUIDs are long: the first block is enough to tell entries apart at a glance. */
function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `${id.slice(0, 8)}…` : id;
}

/** A day typed in the form, as the instant it starts (or ends) in the user's time zone. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export default function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.audit.title'));
  const [filters, setFilters] = useSearchState(defaults);
  const page = toPage(filters.page);
  const audit = useAudit({
    entityType: filters.entityType || undefined,
    action: filters.action || undefined,
    actorId: filters.actorId || undefined,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.lead')}</p>
      <AuditFilters filters={filters} onChange={setFilters} />
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : null}
      {audit.data ? (
        <p aria-live="polite" className="fw-semibold">
          {t('admin.audit.count', { count: audit.data.total })}
        </p>
      ) : null}
      {audit.data && audit.data.items.length === 0 ? (
        <EmptyState>{t('admin.audit.empty')}</EmptyState>
      ) : null}
      {audit.data && audit.data.items.length > 0 ? (
        <>
          <AuditTable entries={audit.data.items} />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={audit.data.total}
            onChange={(next) => setFilters({ page: String(next) })}
          />
        </>
      ) : null}
    </>
  );
}

/** An action as a sentence in the reader's language; its code when it has no text. */
function useActionText(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => {
    const key = actionKey(action);
    return key ? t(key, { defaultValue: action }) : action;
  };
}

interface AuditFiltersProps {
  filters: typeof defaults;
  onChange: (patch: Partial<typeof defaults>) => void;
}

function AuditFilters({ filters, onChange }: AuditFiltersProps) {
  const { t, i18n } = useTranslation();
  const actionText = useActionText();
  const user = useCurrentUser();
  // Only system admins may list users; others filter by actor id.
  const canListUsers = isSystemAdmin(user);
  const users = useUsers({ pageSize: 200 }, canListUsers);
  return (
    <form
      role="search"
      aria-label={t('admin.audit.filters')}
      className="row g-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="col-12 col-md-6 col-xl-4">
        <SelectField
          label={t('admin.audit.entityType')}
          value={filters.entityType}
          onChange={(entityType) => onChange({ entityType })}
          emptyLabel={t('admin.audit.allEntityTypes')}
          options={auditEntityTypes.map((type) => ({
            value: type,
            label: t(`entityTypes.${type}`),
          }))}
        />
      </div>
      <div className="col-12 col-md-6 col-xl-4">
        <SelectField
          label={t('admin.audit.action')}
          value={filters.action}
          onChange={(action) => onChange({ action })}
          emptyLabel={t('admin.audit.allActions')}
          options={actionOptions(actionText, filters.action, i18n.language)}
        />
      </div>
      <div className="col-12 col-md-6 col-xl-4">
        {canListUsers ? (
          <SelectField
            label={t('admin.audit.actor')}
            value={filters.actorId}
            onChange={(actorId) => onChange({ actorId })}
            emptyLabel={t('admin.audit.allActors')}
            options={(users.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.name} (${item.email})`,
            }))}
          />
        ) : (
          <SearchField
            label={t('admin.audit.actorId')}
            value={filters.actorId}
            onSearch={(actorId) => onChange({ actorId })}
          />
        )}
      </div>
      <div className="col-12 col-md-6 col-xl-4">
        <TextField
          label={t('admin.audit.from')}
          type="date"
          value={filters.from}
          onChange={(from) => onChange({ from })}
        />
      </div>
      <div className="col-12 col-md-6 col-xl-4">
        <TextField
          label={t('admin.audit.to')}
          type="date"
          value={filters.to}
          onChange={(to) => onChange({ to })}
        />
      </div>
    </form>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const actionText = useActionText();
  const actorText = (entry: AuditEntry) => {
    const kind = actorKind(entry);
    if (kind === 'system') return t('admin.audit.system');
    if (kind === 'anonymous') return t('admin.audit.anonymous');
    return entry.actorLabel;
  };
  return (
    <Table responsive>
      <caption className="visually-hidden">{t('admin.audit.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.audit.at')}</th>
          <th scope="col">{t('admin.audit.actor')}</th>
          <th scope="col">{t('admin.audit.action')}</th>
          <th scope="col">{t('admin.audit.entity')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin.audit.details')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const key = String(entry.id);
          const expanded = open === key;
          const detailsId = `audit-details-${key}`;
          return (
            <Fragment key={key}>
              <tr>
                <td className="text-nowrap">{format.dateTime(entry.at)}</td>
                <td>
                  <span className="d-block">{actorText(entry)}</span>
                  {entry.ip ? <span className="d-block small">{entry.ip}</span> : null}
                </td>
                <td>
                  <span className="d-block">{actionText(entry.action)}</span>
                  <code className="small">{entry.action}</code>
                </td>
                <td>
                  <span className="d-block">
                    {t(`entityTypes.${entry.entityType}`, entry.entityType)}
                  </span>
                  {entry.entityId ? (
                    <code className="small" title={entry.entityId}>
                      {shortId(entry.entityId)}
                    </code>
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-xs"
                    aria-expanded={expanded}
                    aria-controls={detailsId}
                    onClick={() => setOpen(expanded ? null : key)}
                  >
                    {expanded ? t('admin.audit.hide') : t('admin.audit.show')}
                    <span className="visually-hidden">
                      {' '}
                      {actionText(entry.action)} {format.dateTime(entry.at)}
                    </span>
                  </button>
                </td>
              </tr>
              <tr id={detailsId} hidden={!expanded}>
                {expanded ? (
                  <td colSpan={5} className="bg-light">
                    <p className="small mb-2">
                      {t('admin.audit.entity')}: <code>{entry.entityId}</code>
                      {entry.actorId ? (
                        <>
                          {' · '}
                          {t('admin.audit.actorId')}: <code>{entry.actorId}</code>
                        </>
                      ) : null}
                    </p>
                    <div className="row g-3">
                      <div className="col-12 col-lg-6">
                        <h2 className="h6">{t('admin.audit.before')}</h2>
                        <pre className="mp-json">
                          {JSON.stringify(entry.before, null, 2) ?? '—'}
                        </pre>
                      </div>
                      <div className="col-12 col-lg-6">
                        <h2 className="h6">{t('admin.audit.after')}</h2>
                        <pre className="mp-json">{JSON.stringify(entry.after, null, 2) ?? '—'}</pre>
                      </div>
                    </div>
                  </td>
                ) : null}
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}
