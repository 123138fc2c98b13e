import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSearchState } from '../../app/searchState.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { SelectField } from '../../ui/fields.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { namesOf } from './diffValues.ts';
import { DiffView } from './DiffView.tsx';
import { useDiff, usePlan, useTree } from './hooks.ts';
import { usePlanLabels } from './labels.ts';
import type { Plan } from './types.ts';
import { PlanBreadcrumb } from './PlanBreadcrumb.tsx';
import { versionByNumber, versionPath, versionsNewestFirst } from './versionRules.ts';
import './plan.css';

const defaults = { da: '', a: '' };

/** `/piano/:slug/confronta?da=1&a=2`: what changed between two versions of a plan. */
export default function ComparePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const plan = usePlan(slug);
  useDocumentTitle(
    plan.data
      ? t('plan.compare.documentTitle', { title: plan.data.title })
      : t('plan.compare.title'),
  );
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  return <Comparison plan={plan.data} />;
}

function Comparison({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const [choice, setChoice] = useSearchState(defaults);
  const versions = versionsNewestFirst(plan);
  const to = versionByNumber(plan, choice.a) ?? versions[0];
  const basedOn = plan.versions.find((version) => version.id === to?.basedOnId);
  const from =
    versionByNumber(plan, choice.da) ??
    basedOn ??
    versions.find((version) => to && version.number < to.number) ??
    versions[1];
  const diff = useDiff(from?.id, to?.id);
  const fromTree = useTree(from?.id);
  const toTree = useTree(to?.id);
  const options = versions.map((version) => ({
    value: String(version.number),
    label: t('plan.versionName', { number: version.number, label: version.label }),
  }));

  return (
    <>
      <PlanBreadcrumb
        current={t('plan.compare.title')}
        trail={to ? [{ to: versionPath(plan.slug, to.number), label: plan.title }] : []}
      />
      <h1>{t('plan.compare.title')}</h1>
      <p className="lead">{plan.title}</p>
      {versions.length < 2 || !from || !to ? (
        <EmptyState>{t('plan.compare.needTwo')}</EmptyState>
      ) : (
        <>
          <form
            className="row g-3 mp-no-print"
            aria-label={t('plan.compare.choose')}
            onSubmit={(event) => event.preventDefault()}
          >
            <div className="col-12 col-md-6">
              <SelectField
                label={t('plan.compare.from')}
                value={String(from.number)}
                onChange={(da) => setChoice({ da })}
                options={options}
              />
            </div>
            <div className="col-12 col-md-6">
              <SelectField
                label={t('plan.compare.to')}
                value={String(to.number)}
                onChange={(a) => setChoice({ a })}
                options={options}
              />
            </div>
          </form>
          {from.id === to.id ? <EmptyState>{t('plan.compare.same')}</EmptyState> : null}
          {diff.isPending && from.id !== to.id ? <Loading /> : null}
          {diff.isError ? (
            <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
          ) : null}
          {diff.data && from.id !== to.id ? (
            <section aria-labelledby="diff-title" className="mt-4">
              <h2 id="diff-title" className="h3">
                {t('plan.compare.result', { from: from.number, to: to.number })}
              </h2>
              <DiffView
                diff={diff.data}
                slug={plan.slug}
                labels={labels}
                names={namesOf(fromTree.data, toTree.data)}
              />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
