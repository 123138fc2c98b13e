import { Button } from 'design-react-kit';
import { useState, type ReactNode } from 'react';
import { cx } from './classNames.ts';

interface SearchFormProps {
  /** Names the search landmark. */
  label: string;
  className: string;
  children: ReactNode;
}

/** The filters of a list: a search landmark that applies each choice at once, never submitted. */
export function SearchForm({ label, className, children }: SearchFormProps) {
  return (
    <form
      role="search"
      aria-label={label}
      className={className}
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
    </form>
  );
}

/**
 * The setter and value of one filter kept in the URL, for a field:
 * `<SelectField {...filter('zone')} …/>` changes `zone` alone.
 */
export function bindFilters<State extends Record<string, string>>(
  filters: State,
  onChange: (patch: Partial<State>) => void,
) {
  return <K extends keyof State & string>(key: K) => ({
    value: filters[key],
    onChange: (value: string) => onChange({ [key]: value } as Partial<State>),
  });
}

/** On a phone the less used filters fold away; on wider screens they are always shown. */
export function useFold(id: string, initiallyOpen: boolean) {
  const [open, setOpen] = useState(initiallyOpen);
  return { id, open, toggle: () => setOpen((current) => !current) };
}

type Fold = ReturnType<typeof useFold>;

interface FoldButtonProps {
  fold: Fold;
  moreLabel: string;
  fewerLabel: string;
}

/** Shows or hides the folded filters; a phone's screen only has room for it. */
export function FoldButton({ fold, moreLabel, fewerLabel }: FoldButtonProps) {
  return (
    <button
      type="button"
      className="btn btn-outline-primary btn-xs d-md-none mb-2"
      aria-expanded={fold.open}
      aria-controls={fold.id}
      onClick={fold.toggle}
    >
      {fold.open ? fewerLabel : moreLabel}
    </button>
  );
}

interface FoldedFiltersProps {
  fold: Fold;
  className: string;
  children: ReactNode;
}

export function FoldedFilters({ fold, className, children }: FoldedFiltersProps) {
  return (
    <div id={fold.id} className={cx(className, !fold.open && 'd-none d-md-flex')}>
      {children}
    </div>
  );
}

interface ResetFiltersProps {
  label: string;
  onReset: () => void;
  className?: string;
}

export function ResetFilters({ label, onReset, className }: ResetFiltersProps) {
  return (
    <Button
      type="button"
      color="secondary"
      outline
      size="xs"
      className={className}
      onClick={onReset}
    >
      {label}
    </Button>
  );
}
