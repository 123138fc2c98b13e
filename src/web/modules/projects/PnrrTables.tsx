import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format.ts';
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
  const money = useMoney();
  const format = useFormat();
  const sorted = [...comuni].sort((a, b) => (b.perResident ?? -1) - (a.perResident ?? -1));
  return (
    <div className="table-responsive mt-3">
      <table className="table table-sm table-striped" data-testid="pnrr-comuni-table">
        <caption>{t('projects.pnrr.map.tableCaption', { count: comuni.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('comune.name')}</th>
            <th scope="col">{t('comune.zone')}</th>
            <th scope="col" className="text-end">
              {t('comune.population')}
            </th>
            <th scope="col" className="text-end">
              {t('projects.pnrr.allocated')}
            </th>
            <th scope="col" className="text-end">
              {t('projects.pnrr.perResident')}
            </th>
            <th scope="col" className="text-end">
              {t('projects.pnrr.projectShares')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((comune) => (
            <tr key={comune.istatCode}>
              <th scope="row">
                <Link to={`/comuni/${comune.istatCode}`}>{comune.name}</Link>
              </th>
              <td>{(comune.zoneId && zoneNames.get(comune.zoneId)) || t('comune.noZone')}</td>
              <td className="text-end">{format.integer(comune.population)}</td>
              <td className="text-end text-nowrap">{money.eur(comune.eur)}</td>
              <td className="text-end text-nowrap">{money.cents(comune.perResident)}</td>
              <td className="text-end">{format.decimal(comune.projects, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ZonesAllocationTable({ zones }: { zones: ZoneAllocation[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return (
    <div className="table-responsive mt-3">
      <table className="table table-sm table-striped" data-testid="pnrr-zones-table">
        <caption>{t('projects.pnrr.zones.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('zones.name')}</th>
            <th scope="col" className="text-end">
              {t('zones.comuni')}
            </th>
            <th scope="col" className="text-end">
              {t('zones.residents')}
            </th>
            <th scope="col" className="text-end">
              {t('projects.pnrr.allocated')}
            </th>
            <th scope="col" className="text-end">
              {t('projects.pnrr.perResident')}
            </th>
            <th scope="col" className="text-end">
              {t('projects.pnrr.projectShares')}
            </th>
          </tr>
        </thead>
        <tbody>
          {zones.map((zone) => (
            <tr key={zone.id}>
              <th scope="row">
                <Link to={`/zone/${zone.id}`}>{zone.name}</Link>
              </th>
              <td className="text-end">{format.integer(zone.comuniCount)}</td>
              <td className="text-end">{format.integer(zone.population)}</td>
              <td className="text-end text-nowrap">{money.eur(zone.eur)}</td>
              <td className="text-end text-nowrap">{money.cents(zone.perResident)}</td>
              <td className="text-end">{format.decimal(zone.projects, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
    <div className="table-responsive mt-3">
      <table className="table table-sm table-striped">
        <caption>{t('projects.pnrr.lorenz.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.pnrr.lorenz.xAxis')}</th>
            <th scope="col" className="text-end">
              {t('projects.pnrr.lorenz.yAxis')}
            </th>
          </tr>
        </thead>
        <tbody>
          {deciles.map((share) => (
            <tr key={share}>
              <th scope="row">{money.percent(share)}</th>
              <td className="text-end">{money.percent(amountAt(points, share))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
