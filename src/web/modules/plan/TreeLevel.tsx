import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { cx } from '../../ui/classNames.ts';
import { Icon } from '../../ui/Icon.tsx';

interface DisclosureButtonProps {
  open: boolean;
  /** Id of the content shown or hidden. */
  controls: string;
  onToggle: () => void;
  children: ReactNode;
}

/** Inside a heading of the tree: says whether its content is shown, and shows or hides it. */
export function DisclosureButton({ open, controls, onToggle, children }: DisclosureButtonProps) {
  return (
    <button
      type="button"
      className="mp-disclosure"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      <Icon name={open ? 'collapse' : 'expand'} size="sm" color="primary" />
      <span>{children}</span>
    </button>
  );
}

interface NewItemLinkProps {
  to: string;
  label: string;
  /** Where the new item goes, for screen readers: the visible label is the same on every level. */
  where: string;
  className?: string;
}

/** "New goal" in a section, "New action" under a goal. */
export function NewItemLink({ to, label, where, className }: NewItemLinkProps) {
  return (
    <Link className={cx('btn btn-primary btn-xs', className, 'mp-no-print')} to={to}>
      {label}
      <span className="visually-hidden"> {where}</span>
    </Link>
  );
}

/** Where an item sits among its siblings, for the up and down moves; null when they cannot move. */
export type Siblings = { index: number; count: number } | null;

interface TreeBranchProps<Item extends { key: string }> {
  items: Item[];
  className: string;
  /** Said instead of an empty list. */
  empty: ReactNode;
  /** Up/down moves need the whole sibling list, so only an unfiltered tree offers them. */
  canReorder: boolean;
  children: (item: Item, siblings: Siblings) => ReactNode;
}

/** The goals of a section or the actions of a goal: an ordered list, or why there is none. */
export function TreeBranch<Item extends { key: string }>({
  items,
  className,
  empty,
  canReorder,
  children,
}: TreeBranchProps<Item>) {
  if (items.length === 0) return empty;
  return (
    <ol className={cx(className, 'list-unstyled')}>
      {items.map((item, index) => (
        <Fragment key={item.key}>
          {children(item, canReorder ? { index, count: items.length } : null)}
        </Fragment>
      ))}
    </ol>
  );
}
