import { Breadcrumb, BreadcrumbItem, Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { Figures } from '../../ui/Figures.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useZone } from './hooks.ts';
import { ZoneConfidenceBadge } from './ZoneConfidenceBadge.tsx';

export default function ZonePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const zone = useZone(id);
  useDocumentTitle(zone.data?.name ?? t('zones.title'));

  if (zone.isPending) return <Loading />;
  if (zone.isError) return <ErrorState error={zone.error} onRetry={() => void zone.refetch()} />;
  const data = zone.data;
  const comuni = [...data.comuni].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const figures = [
    { label: t('zones.comuni'), value: format.integer(data.comuniCount) },
    { label: t('zones.residents'), value: format.integer(data.population) },
    { label: t('comune.areaWithUnit'), value: format.decimal(data.areaKm2) },
    { label: t('comune.densityWithUnit'), value: format.integer(data.density) },
  ];

  return (
    <>
      <Breadcrumb aria-label={t('breadcrumb.label')}>
        <BreadcrumbItem>
          <Link to="/">{t('nav.home')}</Link>
          <span className="separator">/</span>
        </BreadcrumbItem>
        <BreadcrumbItem>
          <Link to="/zone">{t('nav.zones')}</Link>
          <span className="separator">/</span>
        </BreadcrumbItem>
        <BreadcrumbItem active aria-current="page">
          {data.name}
        </BreadcrumbItem>
      </Breadcrumb>
      <h1>{data.name}</h1>
      {data.vision ? <p className="lead fst-italic">“{data.vision}”</p> : null}
      <div className="mb-4">
        <ZoneConfidenceBadge confidence={data.membershipConfidence} subject="zone" explain />
      </div>
      <Figures items={figures} />
      <h2 className="h4 mt-4">{t('zones.comuniOfZone')}</h2>
      {comuni.length === 0 ? (
        <EmptyState>{t('zones.noComuni')}</EmptyState>
      ) : (
        <Table responsive striped>
          <caption className="visually-hidden">{t('zones.comuniOfZone')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('comune.name')}</th>
              <th scope="col" className="text-end">
                {t('comune.population')}
              </th>
              <th scope="col" className="text-end">
                {t('comune.areaWithUnit')}
              </th>
              <th scope="col" className="text-end">
                {t('comune.densityWithUnit')}
              </th>
              <th scope="col">{t('zones.assignment')}</th>
            </tr>
          </thead>
          <tbody>
            {comuni.map((comune) => (
              <tr key={comune.istatCode}>
                <th scope="row">
                  <Link to={`/comuni/${comune.istatCode}`}>{comune.name}</Link>
                </th>
                <td className="text-end">{format.integer(comune.population)}</td>
                <td className="text-end">{format.decimal(comune.areaKm2)}</td>
                <td className="text-end">{format.integer(comune.density)}</td>
                <td>
                  <ZoneConfidenceBadge confidence={comune.zoneConfidence} subject="comune" />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
