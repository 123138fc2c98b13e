import { Button } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { ActFields, blankAct, validateAct, type ActValues } from './ActFields.tsx';
import { AnnualUpdateButton } from './AnnualUpdateButton.tsx';
import { useReloadVersion, useTransitionVersion } from './hooks.ts';
import { PlanMutationError } from './PlanMutationError.tsx';
import { canManageVersions } from './policy.ts';
import type { Plan, VersionDetail, VersionStatus } from './types.ts';
import { canStartUpdate } from './versionRules.ts';

type Move = 'consultation' | 'draft' | 'adopted';

/** Which moves the plan office is offered from each status (domain/planVersion.ts decides). */
const movesFrom: Record<VersionStatus, Move[]> = {
  draft: ['consultation', 'adopted'],
  consultation: ['draft', 'adopted'],
  adopted: [],
  superseded: [],
};

/** The plan office moves a version along draft → consultation → adopted, with the adopting act. */
export function VersionWorkflow({ plan, version }: { plan: Plan; version: VersionDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const transition = useTransitionVersion(version.id);
  const reload = useReloadVersion(version.id);
  const [move, setMove] = useState<Move | null>(null);
  const [note, setNote] = useState('');
  const [act, setAct] = useState<ActValues>(blankAct);
  const [actErrors, setActErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  if (!canManageVersions(user)) return null;
  const moves = movesFrom[version.status];
  const showUpdate = version.status === 'adopted' && canStartUpdate(plan);
  if (moves.length === 0 && !showUpdate && !notice) return null;

  const open = (next: Move) => {
    transition.reset();
    setNote('');
    setActErrors({});
    setAct({ ...blankAct, title: t('plan.workflow.actTitleDefault', { title: plan.title }) });
    setMove(next);
  };

  const confirm = () => {
    if (!move) return;
    let actInput;
    if (move === 'adopted') {
      const found = validateAct(act, t);
      setActErrors(found);
      if (Object.keys(found).length) return;
      actInput = {
        body: act.body,
        kind: act.kind,
        number: act.number.trim() || null,
        date: act.date,
        title: act.title.trim(),
        documentUrl: act.documentUrl.trim() || null,
      };
    }
    const done = move;
    transition.mutate(
      { to: move, version: version.version, note: note.trim() || null, act: actInput },
      {
        onSuccess: () => {
          setMove(null);
          setNotice(t(`plan.workflow.done.${done}`));
          // The button pressed may be gone with the old status: the news takes the focus.
          requestAnimationFrame(() => noticeRef.current?.focus());
        },
        onError: (error) => {
          if (isApiError(error)) {
            const byField = error.fieldErrors();
            const forAct: Record<string, string> = {};
            for (const [field, reason] of Object.entries(byField))
              if (field.startsWith('act.')) forAct[field.slice(4)] = reason;
            setActErrors(forAct);
          }
        },
      },
    );
  };

  return (
    <section aria-labelledby="workflow-title" className="mp-workflow mp-no-print">
      <h2 id="workflow-title" className="h6 text-uppercase mb-2">
        {t('plan.workflow.title')}
      </h2>
      <div className="d-flex flex-wrap gap-2">
        {moves.map((next) => (
          <Button
            key={next}
            color="primary"
            outline={next !== 'adopted'}
            size="sm"
            onClick={() => open(next)}
          >
            {t(`plan.workflow.to.${next}`)}
          </Button>
        ))}
        {showUpdate ? <AnnualUpdateButton plan={plan} /> : null}
      </div>
      <div aria-live="polite">
        {notice ? (
          <p
            ref={noticeRef}
            tabIndex={-1}
            className="text-success fw-semibold mt-2 mb-0 mp-focus-target"
          >
            {notice}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={move !== null}
        title={move ? t(`plan.workflow.confirmTitle.${move}`) : ''}
        confirmLabel={move ? t(`plan.workflow.to.${move}`) : ''}
        busy={transition.isPending}
        onConfirm={confirm}
        onCancel={() => setMove(null)}
      >
        {move ? (
          <p>
            {t(`plan.workflow.confirmBody.${move}`, {
              label: version.label,
              number: version.number,
            })}
          </p>
        ) : null}
        {move === 'adopted' ? (
          <ActFields
            values={act}
            errors={actErrors}
            onChange={(values, field) => {
              setAct(values);
              setActErrors(({ [field]: _removed, ...rest }) => rest);
            }}
          />
        ) : null}
        <TextAreaField
          label={t('plan.workflow.note')}
          value={note}
          onChange={setNote}
          rows={2}
          maxLength={1000}
        />
        <PlanMutationError
          error={transition.error}
          conflict={t('plan.workflow.conflict')}
          // The version changes with every edit of its items: reload it, then confirm again.
          onReload={() => {
            transition.reset();
            void reload();
          }}
          fields={[
            'act.body',
            'act.kind',
            'act.number',
            'act.date',
            'act.title',
            'act.documentUrl',
          ]}
        />
      </ConfirmDialog>
    </section>
  );
}
