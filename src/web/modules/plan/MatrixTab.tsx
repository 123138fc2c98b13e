import { useTranslation } from 'react-i18next';
import { Link, useOutletContext } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { cx } from '../../ui/classNames.ts';
import { useMoney } from '../projects/money.ts';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useMatrix } from './hooks.ts';
import { usePlanLabels } from './labels.ts';
import type { Matrix, MatrixCell } from './types.ts';
import type { VersionContext } from './versionRoute.tsx';
import { versionPath } from './versionRules.ts';

const LEVELS = 4;

/** Shade 1..4 by the cell's goals and actions relative to the densest cell; 0 for an empty one. */
function levelOf(cell: MatrixCell, max: number): number {
  const value = cell.goals + cell.actions;
  if (value === 0 || max === 0) return 0;
  return Math.max(1, Math.ceil((LEVELS * value) / max));
}

/** Sections × PNRR missions, as a table whose cells are shaded by how much the plan says there. */
export default function MatrixTab() {
  const { t } = useTranslation();
  const { plan, version } = useOutletContext<VersionContext>();
  const matrix = useMatrix(version.id);
  return (
    <section aria-labelledby="matrix-title">
      <h2 id="matrix-title" className="h3">
        {t('plan.tabs.matrix')}
      </h2>
      <p>{t('plan.matrix.lead')}</p>
      {matrix.isPending ? <Loading /> : null}
      {matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : null}
      {matrix.data ? (
        <CoverageMatrix matrix={matrix.data} base={versionPath(plan.slug, version.number)} />
      ) : null}
    </section>
  );
}

function CoverageMatrix({ matrix, base }: { matrix: Matrix; base: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Funding appears once projects are linked to actions: until then cells say null or 0.
  const funded = matrix.cells.some((cell) => (cell.fundingEur ?? 0) > 0);
  // Whole euro below a million ("350.000 €"), "1,2 Mln €" above: no English "K" in Italian.
  const money = useMoney();
  const labels = usePlanLabels();
  const max = Math.max(0, ...matrix.cells.map((cell) => cell.goals + cell.actions));
  const cellOf = (section: string, mission: string) =>
    matrix.cells.find((cell) => cell.sectionCode === section && cell.mission === mission);
  const empty = matrix.cells.filter((cell) => cell.goals === 0 && cell.actions === 0).length;

  return (
    <>
      <div className="table-responsive">
        <table className="table mp-matrix" data-testid="coverage-matrix">
          <caption>{t('plan.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.matrix.section')}</th>
              {matrix.missions.map((mission) => (
                <th scope="col" key={mission} className="text-center">
                  <span className="d-block">{mission}</span>
                  <span className="d-block small fw-normal">{labels.missionShort(mission)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.sections.map((section) => (
              <tr key={section.code}>
                <th scope="row">
                  {section.code}. {labels.sectionTitle(section.code, section.title)}
                </th>
                {matrix.missions.map((mission) => {
                  const cell = cellOf(section.code, mission);
                  if (!cell) return <td key={mission} />;
                  const level = levelOf(cell, max);
                  return (
                    <td key={mission} className={cx('mp-heat', `mp-heat-${level}`)}>
                      {level === 0 ? (
                        <span className="mp-heat-empty">
                          <span aria-hidden="true">—</span>
                          <span className="d-block small">{t('plan.matrix.empty')}</span>
                        </span>
                      ) : (
                        <Link
                          to={`${base}?section=${section.code}&mission=${mission}`}
                          className="mp-heat-link"
                        >
                          <span className="d-block">
                            {t('plan.tree.goalCount', { count: cell.goals })}
                          </span>
                          <span className="d-block small">
                            {t('plan.tree.actionCount', { count: cell.actions })}
                          </span>
                          {cell.fundingEur !== null && cell.fundingEur > 0 ? (
                            <span className="d-block small">
                              {t('plan.matrix.fundingValue', {
                                amount: money.short(cell.fundingEur),
                              })}
                            </span>
                          ) : null}
                          <span className="visually-hidden">
                            {t('plan.matrix.cellContext', {
                              section: section.code,
                              mission: `${mission} ${labels.missionShort(mission)}`,
                            })}
                          </span>
                        </Link>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MatrixLegend max={max} />
      <p className="mt-3">
        {t('plan.matrix.emptySummary', {
          count: empty,
          total: format.integer(matrix.cells.length),
        })}
      </p>
      <p className="small text-muted">
        {funded ? t('plan.matrix.fundingNote') : t('plan.matrix.funding')}
      </p>
    </>
  );
}

function MatrixLegend({ max }: { max: number }) {
  const { t } = useTranslation();
  const levels = [0, 1, 2, 3, 4].filter((level) => level === 0 || level <= max);
  return (
    <div className="mp-matrix-legend" aria-hidden="true">
      <span className="small fw-semibold me-2">{t('plan.matrix.legend')}</span>
      {levels.map((level) => (
        <span key={level} className="mp-legend-item small">
          <span className={cx('mp-legend-swatch mp-heat', `mp-heat-${level}`)} />
          {level === 0 ? t('plan.matrix.legendEmpty') : t(`plan.matrix.legendLevel${level}`)}
        </span>
      ))}
    </div>
  );
}
