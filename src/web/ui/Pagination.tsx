import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './classNames.ts';
import { Icon } from './Icon.tsx';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  label?: string;
}

/** Numbered pages around the current one, with first/last always in reach. */
function visiblePages(page: number, last: number): (number | 'gap')[] {
  const pages = new Set([1, last, page - 1, page, page + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const result: (number | 'gap')[] = [];
  sorted.forEach((p, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && p - previous > 1) result.push('gap');
    result.push(p);
  });
  return result;
}

/**
 * Placed right after the list it pages: a new page brings that list's top into view, or the
 * reader, who clicked at the bottom, would be left looking at the end of the new page.
 */
export function Pagination({ page, pageSize, total, onChange, label }: PaginationProps) {
  const { t } = useTranslation();
  const nav = useRef<HTMLElement>(null);
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  const go = (next: number) => {
    onChange(next);
    const list = nav.current?.previousElementSibling;
    if (list instanceof HTMLElement && list.getBoundingClientRect().top < 0)
      list.scrollIntoView({ block: 'start' });
  };
  return (
    <nav ref={nav} className="pagination-wrapper" aria-label={label ?? t('pagination.label')}>
      <ul className="pagination">
        <li className={cx('page-item', page <= 1 && 'disabled')}>
          <button
            type="button"
            className="page-link"
            disabled={page <= 1}
            onClick={() => go(page - 1)}
          >
            <Icon name="chevron-left" color="primary" />
            <span className="visually-hidden">{t('pagination.previous')}</span>
          </button>
        </li>
        {visiblePages(page, last).map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} className="page-item">
              <span className="page-link" aria-hidden="true">
                …
              </span>
            </li>
          ) : (
            <li key={item} className="page-item">
              <button
                type="button"
                className={cx('page-link', item === page && 'active')}
                aria-current={item === page ? 'page' : undefined}
                onClick={() => go(item)}
              >
                <span className="visually-hidden">{t('pagination.page')} </span>
                {item}
              </button>
            </li>
          ),
        )}
        <li className={cx('page-item', page >= last && 'disabled')}>
          <button
            type="button"
            className="page-link"
            disabled={page >= last}
            onClick={() => go(page + 1)}
          >
            <span className="visually-hidden">{t('pagination.next')}</span>
            <Icon name="chevron-right" color="primary" />
          </button>
        </li>
      </ul>
    </nav>
  );
}

/**
 * What an empty state says on a page past the last one (an old bookmark, a list that has shrunk
 * since): the list is not empty, so "nothing matches" would be wrong.
 */
export function PastLastPage({ onFirstPage }: { onFirstPage: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {t('pagination.pastTheEnd')}{' '}
      <button type="button" className="btn btn-link p-0 align-baseline" onClick={onFirstPage}>
        {t('pagination.firstPage')}
      </button>
    </>
  );
}
