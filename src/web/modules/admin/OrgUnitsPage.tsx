import { Button, Table } from 'design-react-kit';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/title.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CheckboxField } from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCreateOrgUnit, useOrgUnits, useUpdateOrgUnit } from './hooks.ts';
import { OrgUnitForm } from './OrgUnitForm.tsx';
import type { OrgUnit, OrgUnitDraft } from './types.ts';

export default function OrgUnitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.orgUnits.title'));
  const [showArchived, setShowArchived] = useState(false);
  const units = useOrgUnits(showArchived);
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<OrgUnit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const all = units.data ?? [];
  const nameOf = (id: string | null) => all.find((unit) => unit.id === id)?.name ?? '—';

  const onCreate = async (draft: OrgUnitDraft) => {
    const unit = await create.mutateAsync(draft);
    setCreating(false);
    setNotice(t('admin.orgUnits.created', { name: unit.name }));
  };

  const onSave = (unit: OrgUnit) => async (draft: OrgUnitDraft) => {
    await update.mutateAsync({ id: unit.id, changes: { version: unit.version, ...draft } });
    setEditing(null);
    setNotice(t('admin.orgUnits.saved', { name: draft.name }));
  };

  const setArchived = (unit: OrgUnit, archived: boolean) =>
    update.mutate(
      { id: unit.id, changes: { version: unit.version, archived } },
      {
        onSuccess: () => {
          setArchiving(null);
          setNotice(
            t(archived ? 'admin.orgUnits.archived' : 'admin.orgUnits.restored', {
              name: unit.name,
            }),
          );
        },
      },
    );

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h1>{t('admin.orgUnits.title')}</h1>
        {!creating ? (
          <Button
            color="primary"
            onClick={() => {
              create.reset();
              setCreating(true);
            }}
          >
            {t('admin.orgUnits.new')}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">
        {notice ? <p className="text-success fw-semibold">{notice}</p> : null}
      </div>
      {creating ? (
        <section aria-labelledby="new-unit-title" className="card card-bg no-after p-4 mb-4">
          <h2 id="new-unit-title" className="h4">
            {t('admin.orgUnits.new')}
          </h2>
          <OrgUnitForm
            mode="create"
            units={all}
            busy={create.isPending}
            error={create.error}
            onSubmit={onCreate}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}
      <CheckboxField
        label={t('admin.orgUnits.showArchived')}
        checked={showArchived}
        onChange={setShowArchived}
      />
      {units.isPending ? <Loading /> : null}
      {units.isError ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : null}
      {units.data && units.data.length === 0 ? (
        <EmptyState>{t('admin.orgUnits.empty')}</EmptyState>
      ) : null}
      {units.data && units.data.length > 0 ? (
        <Table responsive>
          <caption className="visually-hidden">{t('admin.orgUnits.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.orgUnits.name')}</th>
              <th scope="col">{t('admin.orgUnits.kind')}</th>
              <th scope="col">{t('admin.orgUnits.code')}</th>
              <th scope="col">{t('admin.orgUnits.parent')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {units.data.map((unit) => (
              <Fragment key={unit.id}>
                <tr>
                  <th scope="row">
                    {unit.name}
                    {unit.archived ? (
                      <span className="badge mp-badge-neutral ms-2">
                        {t('admin.orgUnits.isArchived')}
                      </span>
                    ) : null}
                  </th>
                  <td>{t(`orgUnitKinds.${unit.kind}`)}</td>
                  <td>{unit.code ?? '—'}</td>
                  <td>{nameOf(unit.parentId)}</td>
                  <td className="mp-row-actions">
                    <Button
                      color="primary"
                      outline
                      size="xs"
                      className="me-2"
                      aria-expanded={editing === unit.id}
                      onClick={() => {
                        update.reset();
                        setEditing(editing === unit.id ? null : unit.id);
                      }}
                    >
                      {t('common.edit')}
                      <span className="visually-hidden"> {unit.name}</span>
                    </Button>
                    {unit.archived ? (
                      <Button
                        color="secondary"
                        outline
                        size="xs"
                        onClick={() => setArchived(unit, false)}
                      >
                        {t('admin.orgUnits.restore')}
                        <span className="visually-hidden"> {unit.name}</span>
                      </Button>
                    ) : (
                      <Button
                        color="danger"
                        outline
                        size="xs"
                        onClick={() => {
                          update.reset();
                          setArchiving(unit);
                        }}
                      >
                        {t('admin.orgUnits.archive')}
                        <span className="visually-hidden"> {unit.name}</span>
                      </Button>
                    )}
                  </td>
                </tr>
                {editing === unit.id ? (
                  <tr>
                    <td colSpan={5} className="bg-light">
                      <OrgUnitForm
                        mode="edit"
                        initial={unit}
                        units={all}
                        busy={update.isPending}
                        error={update.error}
                        onSubmit={onSave(unit)}
                        onCancel={() => setEditing(null)}
                        onReload={() => {
                          setEditing(null);
                          void units.refetch();
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
      <ConfirmDialog
        open={archiving !== null}
        title={t('admin.orgUnits.archiveTitle')}
        confirmLabel={t('admin.orgUnits.archive')}
        danger
        busy={update.isPending}
        onConfirm={() => archiving && setArchived(archiving, true)}
        onCancel={() => setArchiving(null)}
      >
        <p>{t('admin.orgUnits.archiveBody', { name: archiving?.name })}</p>
        <MutationError
          error={archiving ? update.error : null}
          onReload={() => {
            setArchiving(null);
            void units.refetch();
          }}
        />
      </ConfirmDialog>
    </>
  );
}
