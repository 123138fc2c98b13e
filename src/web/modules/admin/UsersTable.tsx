import { Button, Table } from 'design-react-kit';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { useResetPassword, useUpdateUser } from './hooks.ts';
import { labelOf, useScopeOptions } from './scopeOptions.ts';
import type { User } from './types.ts';
import { scopeOf, UserForm, type IssuedPassword, type UserFormValues } from './UserForm.tsx';

interface UsersTableProps {
  users: User[];
  onPasswordIssued: (issued: IssuedPassword) => void;
}

export function UsersTable({ users, onPasswordIssued }: UsersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const scope = useScopeOptions();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const scopeLabel = (user: User) => {
    if (user.role === 'comune_referent') return labelOf(scope.comuneOptions, user.comuneCode);
    if (user.role === 'zone_referent') return labelOf(scope.zoneOptions, user.zoneId);
    if (user.role === 'editor') {
      return user.orgUnitIds.map((id) => labelOf(scope.orgUnitOptions, id)).join(', ');
    }
    return undefined;
  };

  const onSave = (user: User) => async (values: UserFormValues) => {
    await update.mutateAsync({
      id: user.id,
      changes: {
        version: user.version,
        name: values.name.trim(),
        role: values.role,
        disabled: values.disabled,
        ...scopeOf(values),
      },
    });
    setEditing(null);
  };

  const confirmReset = () => {
    if (!resetting) return;
    const user = resetting;
    reset.mutate(user.id, {
      onSuccess: (result) => {
        setResetting(null);
        onPasswordIssued({
          email: user.email,
          password: result.temporaryPassword,
          reason: 'reset',
        });
      },
    });
  };

  return (
    <>
      <Table responsive>
        <caption className="visually-hidden">{t('admin.users.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.name')}</th>
            <th scope="col">{t('admin.users.role')}</th>
            <th scope="col">{t('admin.users.status')}</th>
            <th scope="col">{t('admin.users.lastLogin')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <Fragment key={user.id}>
              <tr>
                <th scope="row">
                  <span className="d-block">{user.name}</span>
                  <span className="d-block small fw-normal">{user.email}</span>
                </th>
                <td>
                  <span className="d-block">{t(`roles.${user.role}`)}</span>
                  {scopeLabel(user) ? (
                    <span className="d-block small">{scopeLabel(user)}</span>
                  ) : null}
                </td>
                <td>
                  {user.disabled ? (
                    <span className="badge mp-badge-danger">{t('admin.users.isDisabled')}</span>
                  ) : (
                    <span className="badge mp-badge-confirmed">{t('admin.users.isActive')}</span>
                  )}
                  {user.mustChangePassword ? (
                    <span className="d-block small">{t('admin.users.pendingPassword')}</span>
                  ) : null}
                </td>
                <td>
                  {user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('admin.users.never')}
                </td>
                <td className="mp-row-actions">
                  <Button
                    color="primary"
                    outline
                    size="xs"
                    className="me-2"
                    aria-expanded={editing === user.id}
                    onClick={() => {
                      update.reset();
                      setEditing(editing === user.id ? null : user.id);
                    }}
                  >
                    {t('common.edit')}
                    <span className="visually-hidden"> {user.name}</span>
                  </Button>
                  <Button
                    color="secondary"
                    outline
                    size="xs"
                    onClick={() => {
                      reset.reset();
                      setResetting(user);
                    }}
                  >
                    {t('admin.users.resetPassword')}
                    <span className="visually-hidden"> {user.name}</span>
                  </Button>
                </td>
              </tr>
              {editing === user.id ? (
                <tr>
                  <td colSpan={5} className="bg-light">
                    <UserForm
                      mode="edit"
                      initial={{
                        email: user.email,
                        name: user.name,
                        role: user.role,
                        comuneCode: user.comuneCode ?? '',
                        zoneId: user.zoneId ?? '',
                        orgUnitIds: user.orgUnitIds,
                        disabled: user.disabled,
                      }}
                      busy={update.isPending}
                      error={update.error}
                      onSubmit={onSave(user)}
                      onCancel={() => setEditing(null)}
                      onReload={() => {
                        setEditing(null);
                        void queryClient.invalidateQueries({ queryKey: ['users'] });
                      }}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </Table>
      <ConfirmDialog
        open={resetting !== null}
        title={t('admin.users.resetTitle')}
        confirmLabel={t('admin.users.resetConfirm')}
        onConfirm={confirmReset}
        onCancel={() => setResetting(null)}
        busy={reset.isPending}
      >
        <p>{t('admin.users.resetBody', { name: resetting?.name, email: resetting?.email })}</p>
        <MutationError error={reset.error} />
      </ConfirmDialog>
    </>
  );
}
