import type { ReactNode } from 'react';
import { cx } from './classNames.ts';

interface Layout {
  /** A figure: the header and the cells align right. */
  numeric?: boolean;
  /** An amount with its currency, kept on one line. */
  nowrap?: boolean;
}

export interface Column<Row> extends Layout {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  caption: string;
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** The first column names the row: its cells are row headers. */
  columns: [Column<Row>, ...Column<Row>[]];
  testId?: string;
}

/** Headers only align; `undefined` rather than an empty class attribute. */
function cellClass({ numeric, nowrap }: Layout, isHeader = false): string | undefined {
  return cx(numeric && 'text-end', !isHeader && nowrap && 'text-nowrap') || undefined;
}

/** The figures behind a chart or a map as a table: the way in for keyboard and screen readers. */
export function DataTable<Row>({ caption, rows, rowKey, columns, testId }: DataTableProps<Row>) {
  const [named, ...others] = columns;
  return (
    <div className="table-responsive mt-3">
      <table className="table table-sm table-striped" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={cellClass(column, true)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row" className={cellClass(named)}>
                {named.cell(row)}
              </th>
              {others.map((column, index) => (
                <td key={index} className={cellClass(column)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
