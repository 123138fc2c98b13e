import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A chart, then a button that shows the same data as a table for keyboard and screen readers. */
export function WithTable({ table, children }: { table: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const tableId = useId();
  return (
    <>
      {children}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm mt-2"
        aria-expanded={open}
        aria-controls={tableId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t('projects.pnrr.hideTable') : t('projects.pnrr.showTable')}
      </button>
      <div id={tableId} hidden={!open}>
        {open ? table : null}
      </div>
    </>
  );
}
