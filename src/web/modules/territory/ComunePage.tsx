import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { PageBreadcrumb } from '../../ui/PageBreadcrumb.tsx';
import { ErrorState, isNotFound, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { canChangeComuneZone, canEditComuneContacts } from '../identity/policy.ts';
import { ComuneProjects } from '../projects/PlaceProjects.tsx';
import { ComuneEditForm } from './ComuneEditForm.tsx';
import { useComune } from './hooks.ts';
import type { Comune } from './types.ts';
import { ZoneConfidenceBadge } from './ZoneConfidenceBadge.tsx';

export default function ComunePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const comune = useComune(code);
  const user = useCurrentUser();
  // A subject not found titles the page itself (ErrorState).
  useDocumentTitle(isNotFound(comune.error) ? null : (comune.data?.name ?? t('comune.title')));

  if (comune.isPending) return <Loading />;
  if (comune.isError)
    return <ErrorState page error={comune.error} onRetry={() => void comune.refetch()} />;

  const data = comune.data;
  const canEditContacts = canEditComuneContacts(user, data.istatCode);
  const canChangeZone = canChangeComuneZone(user);

  return (
    <>
      <PageBreadcrumb current={data.name} trail={[{ to: '/comuni', label: t('nav.comuni') }]} />
      <h1>
        {data.name}
        {data.isCapoluogo ? (
          <span className="badge mp-badge-neutral ms-3 align-middle fs-6">
            {t('comune.capoluogo')}
          </span>
        ) : null}
      </h1>
      <div className="row g-4">
        <div className="col-12 col-lg-7">
          <ComuneFacts comune={data} />
        </div>
        <div className="col-12 col-lg-5">
          {canEditContacts || canChangeZone ? (
            <ComuneEditForm
              comune={data}
              canEditContacts={canEditContacts}
              canChangeZone={canChangeZone}
              onReload={() => void comune.refetch()}
            />
          ) : null}
        </div>
      </div>
      <ComuneProjects code={data.istatCode} name={data.name} />
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="mp-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ComuneFacts({ comune }: { comune: Comune }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title" className="h4">
        {t('comune.facts')}
      </h2>
      <dl className="mp-facts">
        <Fact label={t('comune.istatCode')}>{comune.istatCode}</Fact>
        <Fact label={t('comune.cadastralCode')}>{comune.cadastralCode ?? '—'}</Fact>
        <Fact label={t('comune.population')}>
          <span className="mp-figure-inline">{format.integer(comune.population)}</span>{' '}
          {/* The source may hold long words (a register's full name) that must wrap on a phone. */}
          <span className="small text-break">
            {/* A source names its day ("ANPR, 10 gennaio 2024"); without one, the year says when. */}
            {comune.populationSource && comune.populationDate
              ? t('comune.populationFromOn', {
                  source: comune.populationSource,
                  date: format.date(comune.populationDate),
                })
              : t('comune.populationAsOf', {
                  year: comune.populationYear,
                  source: comune.populationSource ?? t('comune.unknownSource'),
                })}
          </span>
        </Fact>
        <Fact label={t('comune.areaWithUnit')}>{format.decimal(comune.areaKm2)}</Fact>
        <Fact label={t('comune.densityWithUnit')}>{format.integer(comune.density)}</Fact>
        <Fact label={t('comune.zone')}>
          {comune.zoneId ? (
            <Link to={`/zone/${comune.zoneId}`}>{comune.zoneName}</Link>
          ) : (
            t('comune.noZone')
          )}
          {comune.zoneConfidence ? (
            <div className="mt-1">
              <ZoneConfidenceBadge
                confidence={comune.zoneConfidence}
                subject="comune"
                explain={comune.zoneConfidence !== 'confirmed'}
              />
            </div>
          ) : null}
        </Fact>
        <Fact label={t('comune.website')}>
          {comune.website ? (
            <a href={comune.website} rel="noopener noreferrer" target="_blank">
              {comune.website}
              <span className="visually-hidden"> {t('common.opensNewWindow')}</span>
            </a>
          ) : (
            t('comune.notProvided')
          )}
        </Fact>
        <Fact label={t('comune.pec')}>
          {comune.pec ? <a href={`mailto:${comune.pec}`}>{comune.pec}</a> : t('comune.notProvided')}
        </Fact>
      </dl>
    </section>
  );
}
