import { useTranslation } from 'react-i18next';
import { useReloadVersion } from './hooks.ts';
import { PlanMutationError } from './PlanMutationError.tsx';

interface MoveItemErrorProps {
  versionId: string;
  /** The move that failed (useMoveItem). */
  move: { error: unknown; reset: () => void };
}

/** Why a goal or action could not move; on a conflict, the version can be fetched again. */
export function MoveItemError({ versionId, move }: MoveItemErrorProps) {
  const { t } = useTranslation();
  const reload = useReloadVersion(versionId);
  return (
    <PlanMutationError
      error={move.error}
      conflict={t('plan.move.conflict')}
      onReload={() => {
        move.reset();
        void reload();
      }}
    />
  );
}
