import { Table } from 'design-react-kit';
import { ColumnRows, type Columns } from './DataTable.tsx';

interface ListTableProps<Row> {
  /** Read by screen readers only: the page's heading already says it to the eye. */
  caption: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: Columns<Row>;
  /** Other rows are on their way (new filters, another page). */
  busy?: boolean;
}

/** The rows a list page found, one column a field. */
export function ListTable<Row>({ caption, busy, ...table }: ListTableProps<Row>) {
  return (
    <Table responsive striped aria-busy={busy}>
      <caption className="visually-hidden">{caption}</caption>
      <ColumnRows {...table} />
    </Table>
  );
}
