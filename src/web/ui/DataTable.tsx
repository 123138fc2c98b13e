import type { ReactNode } from 'react';
import { cx } from './classNames.ts';

interface Layout {
  /** A figure: the header and the cells align right. */
  numeric?: boolean;
  /** An amount with its currency, kept on one line. */
  nowrap?: boolean;
  /** More classes for the body cells, not the header. */
  className?: string;
}

export interface Column<Row> extends Layout {
  header: string;
  cell: (row: Row) => ReactNode;
}

/** The first column names the row: its cells are row headers. */
export type Columns<Row> = [Column<Row>, ...Column<Row>[]];

/** Headers only align; `undefined` rather than an empty class attribute. */
function cellClass({ numeric, nowrap, className }: Layout, isHeader = false): string | undefined {
  return (
    cx(numeric && 'text-end', !isHeader && nowrap && 'text-nowrap', !isHeader && className) ||
    undefined
  );
}

interface ColumnHeadsProps<Row> {
  columns: Column<Row>[];
  /** Header cells after the columns' own, e.g. for a row's buttons. */
  children?: ReactNode;
}

export function ColumnHeads<Row>({ columns, children }: ColumnHeadsProps<Row>) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col" className={cellClass(column, true)}>
            {column.header}
          </th>
        ))}
        {children}
      </tr>
    </thead>
  );
}

/** The cells of one row, the first a row header. */
export function ColumnCells<Row>({ columns, row }: { columns: Columns<Row>; row: Row }) {
  const [named, ...others] = columns;
  return (
    <>
      <th scope="row" className={cellClass(named)}>
        {named.cell(row)}
      </th>
      {others.map((column, index) => (
        <td key={index} className={cellClass(column)}>
          {column.cell(row)}
        </td>
      ))}
    </>
  );
}

interface ColumnRowsProps<Row> {
  rows: Row[];
  rowKey: (row: Row) => string | number;
  columns: Columns<Row>;
}

/** The header and the body of a table drawn from its columns. */
export function ColumnRows<Row>({ rows, rowKey, columns }: ColumnRowsProps<Row>) {
  return (
    <>
      <ColumnHeads columns={columns} />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <ColumnCells columns={columns} row={row} />
          </tr>
        ))}
      </tbody>
    </>
  );
}

interface DataTableProps<Row> extends ColumnRowsProps<Row> {
  caption: string;
  testId?: string;
}

/** The figures behind a chart or a map as a table: the way in for keyboard and screen readers. */
export function DataTable<Row>({ caption, testId, ...table }: DataTableProps<Row>) {
  return (
    <div className="table-responsive mt-3">
      <table className="table table-sm table-striped" data-testid={testId}>
        <caption>{caption}</caption>
        <ColumnRows {...table} />
      </table>
    </div>
  );
}
