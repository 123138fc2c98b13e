import { Button, Table } from 'design-react-kit';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnCells, ColumnHeads, type Columns } from '../../ui/DataTable.tsx';

interface RowButtonProps {
  color: 'primary' | 'secondary' | 'danger';
  label: string;
  /** The row's name, for screen readers: every row has the same buttons. */
  subject: string;
  onClick: () => void;
  className?: string;
  expanded?: boolean;
}

/** A small button in a row, e.g. "Delete" for the zone of that row. */
export function RowButton({ color, label, subject, onClick, className, expanded }: RowButtonProps) {
  return (
    <Button
      color={color}
      outline
      size="xs"
      className={className}
      aria-expanded={expanded}
      onClick={onClick}
    >
      {label}
      <span className="visually-hidden"> {subject}</span>
    </Button>
  );
}

interface RowsTableProps<Row extends { id: string }> {
  /** Read by screen readers only. */
  caption: string;
  rows: Row[];
  columns: Columns<Row>;
  /** Names the row in its buttons. */
  nameOf: (row: Row) => string;
  /** The id of the row whose form is open under it. */
  editing: string | null;
  onEdit: (id: string | null) => void;
  /** The row's form, shown under it while it is edited. */
  form: (row: Row) => ReactNode;
  /** Buttons after "Edit". */
  actions?: (row: Row) => ReactNode;
}

/** The rows an admin manages: each has an "Edit" button that opens its form under it. */
export function RowsTable<Row extends { id: string }>({
  caption,
  rows,
  columns,
  nameOf,
  editing,
  onEdit,
  form,
  actions,
}: RowsTableProps<Row>) {
  const { t } = useTranslation();
  return (
    <Table responsive>
      <caption className="visually-hidden">{caption}</caption>
      <ColumnHeads columns={columns}>
        <th scope="col">
          <span className="visually-hidden">{t('common.actions')}</span>
        </th>
      </ColumnHeads>
      <tbody>
        {rows.map((row) => (
          <Fragment key={row.id}>
            <tr>
              <ColumnCells columns={columns} row={row} />
              <td className="mp-row-actions">
                <RowButton
                  color="primary"
                  label={t('common.edit')}
                  subject={nameOf(row)}
                  className="me-2"
                  expanded={editing === row.id}
                  onClick={() => onEdit(editing === row.id ? null : row.id)}
                />
                {actions?.(row)}
              </td>
            </tr>
            {editing === row.id ? (
              <tr>
                <td colSpan={columns.length + 1} className="bg-light">
                  {form(row)}
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </Table>
  );
}
