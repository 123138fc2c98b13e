import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Moves focus to the target itself, so the next Tab continues from there. */
function jumpTo(id: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  };
}

/**
 * Bootstrap Italia's skip links, first in the tab order. (design-react-kit's Skiplink drops its
 * children when rendered as <nav>, and its items replace the href when given an onClick.)
 */
export function SkipLinks() {
  const { t } = useTranslation();
  return (
    <nav className="skiplinks" aria-label={t('skip.label')}>
      <a
        className="visually-hidden-focusable"
        href="#main-content"
        onClick={jumpTo('main-content')}
      >
        {t('skip.main')}
      </a>
      <a className="visually-hidden-focusable" href="#footer" onClick={jumpTo('footer')}>
        {t('skip.footer')}
      </a>
    </nav>
  );
}
