import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { Figures } from '../../ui/Figures.tsx';
import { EmptyState } from '../../ui/QueryStates.tsx';
import { fieldValueText } from './diffValues.ts';
import type { PlanLabels } from './labels.ts';
import type { Diff, DiffItem, Placement } from './types.ts';
import { itemPath } from './versionRules.ts';

interface DiffViewProps {
  diff: Diff;
  slug: string;
  labels: PlanLabels;
  /** Names of goals, actions, pillars and drivers of both versions, by key. */
  names: Map<string, string>;
}

/** Added, removed, moved and changed items between two versions; changed fields old → new. */
export function DiffView({ diff, slug, labels, names }: DiffViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const fromName = t('plan.versionShort', { number: diff.from.number });
  const toName = t('plan.versionShort', { number: diff.to.number });
  const nothing =
    diff.added.length + diff.removed.length + diff.moved.length + diff.changed.length === 0;

  const placement = (where: Placement) =>
    where.parentKey
      ? t('plan.diff.underGoal', { goal: names.get(where.parentKey) ?? where.parentKey })
      : t('plan.diff.inSection', {
          section: `${where.sectionCode}. ${labels.sectionTitle(where.sectionCode)}`,
        });

  const itemLine = (item: DiffItem, number: number) => (
    <>
      <span className="badge mp-badge-neutral me-2">{t(`plan.kinds.${item.kind}`)}</span>
      {item.kind === 'goal' || item.kind === 'action' ? (
        <Link to={itemPath(slug, number, item)}>{names.get(item.key) ?? item.title}</Link>
      ) : (
        <span>{item.title}</span>
      )}
    </>
  );

  return (
    <div className="mp-diff">
      <Figures
        items={[
          { label: t('plan.diff.added'), value: format.integer(diff.added.length) },
          { label: t('plan.diff.removed'), value: format.integer(diff.removed.length) },
          { label: t('plan.diff.moved'), value: format.integer(diff.moved.length) },
          { label: t('plan.diff.changed'), value: format.integer(diff.changed.length) },
        ]}
      />
      <p>{t('plan.diff.unchanged', { count: diff.unchanged })}</p>
      {nothing ? <EmptyState>{t('plan.diff.nothing')}</EmptyState> : null}

      {diff.added.length > 0 ? (
        <section aria-labelledby="diff-added" className="mt-4">
          <h3 id="diff-added" className="h4">
            {t('plan.diff.addedIn', { version: toName })}
          </h3>
          <ul className="mp-diff-list" data-testid="diff-added">
            {diff.added.map((item) => (
              <li key={item.key} className="mp-diff-added">
                {itemLine(item, diff.to.number)}
                {item.sectionCode ? <span className="d-block small">{placement(item)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {diff.removed.length > 0 ? (
        <section aria-labelledby="diff-removed" className="mt-4">
          <h3 id="diff-removed" className="h4">
            {t('plan.diff.removedFrom', { version: fromName })}
          </h3>
          <ul className="mp-diff-list" data-testid="diff-removed">
            {diff.removed.map((item) => (
              <li key={item.key} className="mp-diff-removed">
                {itemLine(item, diff.from.number)}
                {item.sectionCode ? <span className="d-block small">{placement(item)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {diff.moved.length > 0 ? (
        <section aria-labelledby="diff-moved" className="mt-4">
          <h3 id="diff-moved" className="h4">
            {t('plan.diff.moved')}
          </h3>
          <ul className="mp-diff-list" data-testid="diff-moved">
            {diff.moved.map(({ item, from, to }) => (
              <li key={item.key}>
                {itemLine(item, diff.to.number)}
                <span className="d-block small">
                  {t('plan.diff.movedFromTo', { from: placement(from), to: placement(to) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {diff.changed.length > 0 ? (
        <section aria-labelledby="diff-changed" className="mt-4" data-testid="diff-changed">
          <h3 id="diff-changed" className="h4">
            {t('plan.diff.changed')}
          </h3>
          {diff.changed.map(({ item, changes }) => (
            <div key={item.key} className="mp-diff-changed mb-4">
              <h4 className="h6">{itemLine(item, diff.to.number)}</h4>
              <Table responsive size="sm" className="mp-diff-table">
                <caption className="visually-hidden">
                  {t('plan.diff.changesOf', { title: item.title })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plan.diff.field')}</th>
                    <th scope="col">{t('plan.diff.before', { version: fromName })}</th>
                    <th scope="col">{t('plan.diff.after', { version: toName })}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{t(`plan.fields.${change.field}`, change.field)}</th>
                      <td className="mp-diff-old">
                        {fieldValueText(change.field, change.from, labels, names, t)}
                      </td>
                      <td className="mp-diff-new">
                        {fieldValueText(change.field, change.to, labels, names, t)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
