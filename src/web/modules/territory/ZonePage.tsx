import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { Figures } from '../../ui/Figures.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { ZoneProjects } from '../projects/PlaceProjects.tsx';
import { PageBreadcrumb } from '../../ui/PageBreadcrumb.tsx';
import { EmptyState, ErrorState, isNotFound, Loading } from '../../ui/QueryStates.tsx';
import { useFigureColumns } from './figureColumns.ts';
import { useZone } from './hooks.ts';
import type { ComuneSummary } from './types.ts';
import { ZoneConfidenceBadge } from './ZoneConfidenceBadge.tsx';

export default function ZonePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const zone = useZone(id);
  const figureColumns = useFigureColumns<ComuneSummary>(t('comune.population'));
  // A subject not found titles the page itself (ErrorState).
  useDocumentTitle(isNotFound(zone.error) ? null : (zone.data?.name ?? t('zones.title')));

  if (zone.isPending) return <Loading />;
  if (zone.isError)
    return <ErrorState page error={zone.error} onRetry={() => void zone.refetch()} />;
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
      <PageBreadcrumb current={data.name} trail={[{ to: '/zone', label: t('nav.zones') }]} />
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
        <ListTable
          caption={t('zones.comuniOfZone')}
          rows={comuni}
          rowKey={(comune) => comune.istatCode}
          columns={[
            {
              header: t('comune.name'),
              cell: (comune) => <Link to={`/comuni/${comune.istatCode}`}>{comune.name}</Link>,
            },
            ...figureColumns,
            {
              header: t('zones.assignment'),
              cell: (comune) => (
                <ZoneConfidenceBadge confidence={comune.zoneConfidence} subject="comune" />
              ),
            },
          ]}
        />
      )}
      <ZoneProjects id={data.id} name={data.name} />
    </>
  );
}
