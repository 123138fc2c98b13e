import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toPage, useSearchState } from '../../app/searchState.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { SelectField } from '../../ui/fields.tsx';
import { bindFilters, SearchForm } from '../../ui/FilterForm.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { LiveNotice } from '../../ui/LiveNotice.tsx';
import { Pagination, PastLastPage } from '../../ui/Pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { roles, type Role } from '../identity/types.ts';
import { useCreateUser, useUsers } from './hooks.ts';
import { HeadingWithNew, NewRowCard } from './NewRow.tsx';
import { useNewRowForm } from './rowFormState.ts';
import { TemporaryPassword } from './TemporaryPassword.tsx';
import { scopeOf, UserForm, type IssuedPassword, type UserFormValues } from './UserForm.tsx';
import { UsersTable } from './UsersTable.tsx';

const PAGE_SIZE = 25;
const defaults = { q: '', role: '', page: '1' };
const blankUser: UserFormValues = {
  email: '',
  name: '',
  role: 'participant',
  comuneCode: '',
  zoneId: '',
  orgUnitIds: [],
  disabled: false,
};

export default function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.users.title'));
  const [filters, setFilters] = useSearchState(defaults);
  const page = toPage(filters.page);
  const users = useUsers({
    q: filters.q.trim() || undefined,
    role: (filters.role || undefined) as Role | undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const filter = bindFilters(filters, setFilters);
  const create = useCreateUser();
  const newRow = useNewRowForm(create);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const onCreate = async (values: UserFormValues) => {
    const result = await create.mutateAsync({
      email: values.email.trim(),
      name: values.name.trim(),
      role: values.role,
      ...scopeOf(values),
    });
    newRow.close();
    setIssued({ email: result.user.email, password: result.temporaryPassword, reason: 'created' });
  };

  return (
    <>
      <HeadingWithNew
        title={t('admin.users.title')}
        newLabel={t('admin.users.new')}
        creating={newRow.creating}
        onNew={newRow.open}
      />
      <LiveNotice message={notice} />
      {issued ? <TemporaryPassword {...issued} onDismiss={() => setIssued(null)} /> : null}
      {newRow.creating ? (
        <NewRowCard titleId="new-user-title" title={t('admin.users.new')}>
          <UserForm {...newRow.formProps} initial={blankUser} onSubmit={onCreate} />
        </NewRowCard>
      ) : null}
      <SearchForm label={t('admin.users.filters')} className="row g-3 mt-2">
        <div className="col-12 col-md-6">
          <SearchField
            label={t('admin.users.search')}
            value={filters.q}
            onSearch={(q) => setFilters({ q })}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={t('admin.users.role')}
            {...filter('role')}
            emptyLabel={t('admin.users.allRoles')}
            options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </div>
      </SearchForm>
      {users.isPending ? <Loading /> : null}
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : null}
      {users.data ? (
        <p aria-live="polite" className="fw-semibold">
          {t('admin.users.count', { count: users.data.total })}
        </p>
      ) : null}
      {users.data && users.data.items.length === 0 ? (
        <EmptyState>
          {users.data.total > 0 ? (
            <PastLastPage onFirstPage={() => setFilters({ page: '1' })} />
          ) : (
            t('admin.users.empty')
          )}
        </EmptyState>
      ) : null}
      {users.data && users.data.items.length > 0 ? (
        <>
          <UsersTable
            users={users.data.items}
            onPasswordIssued={setIssued}
            onSaved={(name) => setNotice(t('admin.users.saved', { name }))}
          />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={users.data.total}
            onChange={(next) => setFilters({ page: String(next) })}
          />
        </>
      ) : null}
    </>
  );
}
