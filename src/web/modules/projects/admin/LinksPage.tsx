import { Button } from 'design-react-kit';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import { toPage, useSearchState } from '../../../app/searchState.ts';
import { useDocumentTitle } from '../../../app/title.ts';
import { Figures } from '../../../ui/Figures.tsx';
import { SelectField } from '../../../ui/fields.tsx';
import { MutationError } from '../../../ui/MutationError.tsx';
import { ErrorState, Loading } from '../../../ui/QueryStates.tsx';
import { usePlans } from '../../plan/hooks.ts';
import type { Plan } from '../../plan/types.ts';
import { useLinkCoverage, useSuggestLinks } from '../hooks.ts';
import {
  defaultVersion,
  findVersion,
  versionOptions,
  type ChosenVersion,
} from '../linkVersions.ts';
import { useMoney } from '../money.ts';
import { linkStatuses, type SuggestionRun } from '../types.ts';
import { LinksReview } from './LinksReview.tsx';
import '../projects.css';

const CoverageChart = lazy(() =>
  import('../charts/CoverageChart.tsx').then((module) => ({ default: module.CoverageChart })),
);

export const linksDefaults = { version: '', status: 'suggested', page: '1' };

/** `/admin/collegamenti`: suggest links between projects and plan actions, then decide them. */
export default function LinksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.links.admin.title'));
  const plans = usePlans();
  const [filters, setFilters] = useSearchState(linksDefaults);
  const status = (linkStatuses as readonly string[]).includes(filters.status)
    ? (filters.status as (typeof linkStatuses)[number])
    : 'suggested';

  const chosen =
    (plans.data && filters.version ? findVersion(plans.data, filters.version) : undefined) ??
    (plans.data ? defaultVersion(plans.data) : undefined);

  return (
    <>
      <h1>{t('projects.links.admin.title')}</h1>
      <p>{t('projects.links.admin.lead')}</p>
      <Coverage />
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : null}
      {plans.data ? (
        <Suggest
          plans={plans.data}
          chosen={chosen}
          onChoose={(version) => setFilters({ version })}
        />
      ) : null}
      {chosen ? (
        <LinksReview
          chosen={chosen}
          status={status}
          page={toPage(filters.page)}
          onStatus={(next) => setFilters({ status: next })}
          onPage={(next) => setFilters({ page: String(next) })}
        />
      ) : null}
    </>
  );
}

function Coverage() {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const coverage = useLinkCoverage();
  if (coverage.isPending) return <Loading />;
  if (coverage.isError)
    return <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const data = coverage.data;
  return (
    <section aria-labelledby="links-coverage" className="mb-4">
      <h2 id="links-coverage" className="h4">
        {t('projects.links.coverage.title')}
      </h2>
      <Figures
        items={[
          { label: t('projects.links.coverage.linkedEur'), value: money.short(data.linkedEur) },
          { label: t('projects.links.coverage.unlinkedEur'), value: money.short(data.unlinkedEur) },
          {
            label: t('projects.links.coverage.linkedProjects'),
            value: format.integer(data.linkedProjects),
          },
          {
            label: t('projects.links.coverage.unlinkedProjects'),
            value: format.integer(data.unlinkedProjects),
          },
        ]}
      />
      {data.linkedEur + data.unlinkedEur > 0 ? (
        <Suspense fallback={<Loading />}>
          <CoverageChart coverage={data} />
        </Suspense>
      ) : null}
    </section>
  );
}

interface SuggestProps {
  plans: Plan[];
  chosen: ChosenVersion | undefined;
  onChoose: (versionId: string) => void;
}

function Suggest({ plans, chosen, onChoose }: SuggestProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const suggest = useSuggestLinks();
  const [run, setRun] = useState<SuggestionRun | null>(null);
  const chosenId = chosen?.version.id;
  useEffect(() => {
    setRun(null);
    suggest.reset();
    // A result belongs to the version it was run on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosenId]);
  const options = versionOptions(plans, t);
  return (
    <section aria-labelledby="links-suggest" className="card card-bg no-after mx-0 p-4 mb-4">
      <h2 id="links-suggest" className="h4">
        {t('projects.links.suggest.title')}
      </h2>
      <p className="small">{t('projects.links.suggest.how')}</p>
      <form
        className="mp-inline-form row g-2 align-items-end"
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosenId) return;
          suggest.mutate(chosenId, { onSuccess: setRun });
        }}
      >
        {/* Versions have long names: the select takes the width a name needs, the button the
            rest, level with the select's bottom (both keep the inline form's margin). */}
        <div className="col-12 col-xl-9">
          <SelectField
            label={t('projects.links.suggest.version')}
            value={chosenId ?? ''}
            onChange={onChoose}
            options={options}
          />
        </div>
        <div className="col-12 col-xl-3 mb-2">
          <Button type="submit" color="primary" disabled={!chosenId || suggest.isPending}>
            {suggest.isPending
              ? t('projects.links.suggest.running')
              : t('projects.links.suggest.run')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {run ? (
          <p className="fw-semibold mt-3 mb-0" data-testid="links-run">
            {t('projects.links.suggest.done', {
              actions: format.integer(run.actions),
              scored: format.integer(run.scored),
              suggested: format.integer(run.suggested),
            })}
          </p>
        ) : null}
      </div>
      <MutationError error={suggest.error} />
    </section>
  );
}
