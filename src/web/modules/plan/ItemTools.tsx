import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { useMoveItem } from './hooks.ts';
import { MoveItemError } from './MoveItemError.tsx';
import type { Plan, PlanItem, VersionDetail } from './types.ts';
import { itemPath } from './versionRules.ts';

interface ItemToolsProps {
  plan: Plan;
  version: VersionDetail;
  item: PlanItem;
  /** Where the item sits among its siblings; null when the list is filtered. */
  siblings: { index: number; count: number } | null;
}

/** Edit link and up/down moves for a goal or action the user may change. */
export function ItemTools({ plan, version, item, siblings }: ItemToolsProps) {
  const { t } = useTranslation();
  const move = useMoveItem(version.id);
  const buttonId = (direction: 'up' | 'down') => `move-${item.key}-${direction}`;

  const shift = (direction: 'up' | 'down') => {
    if (!siblings) return;
    const position = siblings.index + (direction === 'up' ? -1 : 1);
    move.mutate(
      { key: item.key, move: { rowVersion: item.rowVersion, position } },
      {
        // The item is drawn again in its new place: keep the focus on the button pressed.
        onSuccess: () =>
          requestAnimationFrame(() => {
            const same = document.getElementById(buttonId(direction)) as HTMLButtonElement | null;
            const other = buttonId(direction === 'up' ? 'down' : 'up');
            (same && !same.disabled ? same : document.getElementById(other))?.focus();
          }),
      },
    );
  };

  return (
    <div className="mp-item-tools mp-no-print">
      <Link
        className="btn btn-outline-primary btn-xs"
        to={`${itemPath(plan.slug, version.number, item)}/modifica`}
      >
        <Icon name="pencil" size="xs" color="primary" className="me-1" />
        {t('common.edit')}
        <span className="visually-hidden"> {item.title}</span>
      </Link>
      {siblings && siblings.count > 1 ? (
        <>
          <button
            type="button"
            id={buttonId('up')}
            className="btn btn-outline-primary btn-xs"
            disabled={siblings.index === 0 || move.isPending}
            onClick={() => shift('up')}
          >
            <Icon name="arrow-up" size="xs" color="primary" />
            <span className="visually-hidden">
              {t('plan.move.up')} {item.title}
            </span>
          </button>
          <button
            type="button"
            id={buttonId('down')}
            className="btn btn-outline-primary btn-xs"
            disabled={siblings.index === siblings.count - 1 || move.isPending}
            onClick={() => shift('down')}
          >
            <Icon name="arrow-down" size="xs" color="primary" />
            <span className="visually-hidden">
              {t('plan.move.down')} {item.title}
            </span>
          </button>
        </>
      ) : null}
      {move.error ? (
        <div className="w-100">
          <MoveItemError versionId={version.id} move={move} />
        </div>
      ) : null}
    </div>
  );
}
