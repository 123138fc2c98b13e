import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { useMoney } from './money.ts';
import type { Analytics, ComuneAllocation, LorenzPoint, ZoneAllocation } from './types.ts';

/** The map's data, most funded per resident first. */
export function ComuniAllocationTable({
  comuni,
  zoneNames,
}: {
  comuni: ComuneAllocation[];
  zoneNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const allocation = useAllocationColumns<ComuneAllocation>();
  const sorted = [...comuni].sort((a, b) => (b.perResident ?? -1) - (a.perResident ?? -1));
  return (
    <DataTable
      caption={t('projects.pnrr.map.tableCaption', { count: comuni.length })}
      testId="pnrr-comuni-table"
      rows={sorted}
      rowKey={(comune) => comune.istatCode}
      columns={[
        {
          header: t('comune.name'),
          cell: (comune) => <Link to={`/comuni/${comune.istatCode}`}>{comune.name}</Link>,
        },
        {
          header: t('comune.zone'),
          cell: (comune) => (comune.zoneId && zoneNames.get(comune.zoneId)) || t('comune.noZone'),
        },
        {
          header: t('comune.population'),
          numeric: true,
          cell: (comune) => format.integer(comune.population),
        },
        ...allocation,
      ]}
    />
  );
}

export function ZonesAllocationTable({ zones }: { zones: ZoneAllocation[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const allocation = useAllocationColumns<ZoneAllocation>();
  return (
    <DataTable
      caption={t('projects.pnrr.zones.tableCaption')}
      testId="pnrr-zones-table"
      rows={zones}
      rowKey={(zone) => zone.id}
      columns={[
        {
          header: t('zones.name'),
          cell: (zone) => <Link to={`/zone/${zone.id}`}>{zone.name}</Link>,
        },
        {
          header: t('zones.comuni'),
          numeric: true,
          cell: (zone) => format.integer(zone.comuniCount),
        },
        {
          header: t('zones.residents'),
          numeric: true,
          cell: (zone) => format.integer(zone.population),
        },
        ...allocation,
      ]}
    />
  );
}

/** What a comune and a zone both receive: money, money per resident, shares of projects. */
function useAllocationColumns<
  Row extends Pick<ComuneAllocation, 'eur' | 'perResident' | 'projects'>,
>(): Column<Row>[] {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return [
    {
      header: t('projects.pnrr.allocated'),
      numeric: true,
      nowrap: true,
      cell: (row) => money.eur(row.eur),
    },
    {
      header: t('projects.pnrr.perResident'),
      numeric: true,
      nowrap: true,
      cell: (row) => money.cents(row.perResident),
    },
    {
      header: t('projects.pnrr.projectShares'),
      numeric: true,
      cell: (row) => format.decimal(row.projects, 1),
    },
  ];
}

/** The share of the money at a share of the residents, read off the curve between its points. */
function amountAt(points: LorenzPoint[], population: number): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (population <= b.population) {
      const span = b.population - a.population;
      return span > 0
        ? a.amount + ((population - a.population) / span) * (b.amount - a.amount)
        : b.amount;
    }
  }
  return points.at(-1)?.amount ?? 0;
}

/** The curve at every tenth of the residents: what a reader would read off the chart. */
export function LorenzTable({ points }: { points: LorenzPoint[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const deciles = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  return (
    <DataTable
      caption={t('projects.pnrr.lorenz.tableCaption')}
      rows={deciles}
      rowKey={(share) => share}
      columns={[
        { header: t('projects.pnrr.lorenz.xAxis'), cell: (share) => money.percent(share) },
        {
          header: t('projects.pnrr.lorenz.yAxis'),
          numeric: true,
          cell: (share) => money.percent(amountAt(points, share)),
        },
      ]}
    />
  );
}

/** Every figure of the page comes from these releases. */
export function SourcesList({ sources }: { sources: Analytics['sources'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="pnrr-sources-title" className="mb-4">
      <h2 id="pnrr-sources-title" className="h4">
        {t('projects.pnrr.sources.title')}
      </h2>
      <p className="small">{t('projects.pnrr.sources.method')}</p>
      {sources.length === 0 ? (
        <p>{t('projects.pnrr.sources.none')}</p>
      ) : (
        <ul className="mp-sources" data-testid="pnrr-sources">
          {sources.map((source) => (
            <li key={source.sha256}>
              <span className="fw-semibold text-break">{source.fileName}</span>{' '}
              <span className="small">
                ({t(`projects.kinds.${source.kind}`, { defaultValue: source.kind })}
                {source.releaseDate
                  ? `, ${t('projects.pnrr.sources.released', { date: format.date(source.releaseDate) })}`
                  : null}
                )
              </span>
              <span className="d-block small text-break">
                SHA-256 <code>{source.sha256}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
