import { Button, Table } from 'design-react-kit';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useZones } from '../territory/hooks.ts';
import type { Zone } from '../territory/types.ts';
import { useCreateZone, useDeleteZone, useUpdateZone } from './hooks.ts';
import type { ZoneDraft } from './types.ts';
import { ZoneForm } from './ZoneForm.tsx';

export default function ZonesAdminPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('admin.zones.title'));
  const zones = useZones();
  const create = useCreateZone();
  const update = useUpdateZone();
  const remove = useDeleteZone();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Zone | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const onCreate = async (draft: ZoneDraft) => {
    const zone = await create.mutateAsync(draft);
    setCreating(false);
    setNotice(t('admin.zones.created', { name: zone.name }));
  };

  const onSave = (zone: Zone) => async (draft: ZoneDraft) => {
    await update.mutateAsync({
      id: zone.id,
      changes: { version: zone.version, name: draft.name, vision: draft.vision ?? null },
    });
    setEditing(null);
    setNotice(t('admin.zones.saved', { name: draft.name }));
  };

  const confirmDelete = () => {
    if (!deleting) return;
    const zone = deleting;
    remove.mutate(
      { id: zone.id, version: zone.version },
      {
        onSuccess: () => {
          setDeleting(null);
          setNotice(t('admin.zones.deleted', { name: zone.name }));
        },
      },
    );
  };

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h1>{t('admin.zones.title')}</h1>
        {!creating ? (
          <Button
            color="primary"
            onClick={() => {
              create.reset();
              setCreating(true);
            }}
          >
            {t('admin.zones.new')}
          </Button>
        ) : null}
      </div>
      <p>{t('admin.zones.lead')}</p>
      <div aria-live="polite">
        {notice ? <p className="text-success fw-semibold">{notice}</p> : null}
      </div>
      {creating ? (
        <section aria-labelledby="new-zone-title" className="card card-bg no-after p-4 mb-4">
          <h2 id="new-zone-title" className="h4">
            {t('admin.zones.new')}
          </h2>
          <ZoneForm
            mode="create"
            busy={create.isPending}
            error={create.error}
            onSubmit={onCreate}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}
      {zones.isPending ? <Loading /> : null}
      {zones.isError ? (
        <ErrorState error={zones.error} onRetry={() => void zones.refetch()} />
      ) : null}
      {zones.data && zones.data.length === 0 ? <EmptyState>{t('zones.empty')}</EmptyState> : null}
      {zones.data && zones.data.length > 0 ? (
        <Table responsive>
          <caption className="visually-hidden">{t('admin.zones.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.zones.name')}</th>
              <th scope="col">{t('admin.zones.vision')}</th>
              <th scope="col" className="text-end">
                {t('zones.comuni')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {zones.data.map((zone) => (
              <Fragment key={zone.id}>
                <tr>
                  <th scope="row">
                    <Link to={`/zone/${zone.id}`}>{zone.name}</Link>
                    <span className="d-block small fw-normal">
                      <code>{zone.id}</code>
                    </span>
                  </th>
                  <td>{zone.vision ?? '—'}</td>
                  <td className="text-end">{format.integer(zone.comuniCount)}</td>
                  <td className="mp-row-actions">
                    <Button
                      color="primary"
                      outline
                      size="xs"
                      className="me-2"
                      aria-expanded={editing === zone.id}
                      onClick={() => {
                        update.reset();
                        setEditing(editing === zone.id ? null : zone.id);
                      }}
                    >
                      {t('common.edit')}
                      <span className="visually-hidden"> {zone.name}</span>
                    </Button>
                    {zone.comuniCount === 0 ? (
                      <Button
                        color="danger"
                        outline
                        size="xs"
                        onClick={() => {
                          remove.reset();
                          setDeleting(zone);
                        }}
                      >
                        {t('common.delete')}
                        <span className="visually-hidden"> {zone.name}</span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
                {editing === zone.id ? (
                  <tr>
                    <td colSpan={4} className="bg-light">
                      <ZoneForm
                        mode="edit"
                        initial={zone}
                        busy={update.isPending}
                        error={update.error}
                        onSubmit={onSave(zone)}
                        onCancel={() => setEditing(null)}
                        onReload={() => {
                          setEditing(null);
                          void zones.refetch();
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </Table>
      ) : null}
      <p className="small">{t('admin.zones.deleteRule')}</p>
      <ConfirmDialog
        open={deleting !== null}
        title={t('admin.zones.deleteTitle')}
        confirmLabel={t('common.delete')}
        danger
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('admin.zones.deleteBody', { name: deleting?.name })}</p>
        <MutationError
          error={remove.error}
          onReload={() => {
            setDeleting(null);
            void zones.refetch();
          }}
        />
      </ConfirmDialog>
    </>
  );
}
