import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { useMeasureTitles } from '../plan/hooks.ts';
import { FundingSection } from './FundingSection.tsx';
import { useProject } from './hooks.ts';
import { LinkedActions } from './LinkedActions.tsx';
import { canImportProjects } from './policy.ts';
import { ProjectManagement } from './ProjectManagement.tsx';
import { ProjectProgress } from './ProjectProgress.tsx';
import { projectDates } from './projectFormValues.ts';
import { PageBreadcrumb } from '../../ui/PageBreadcrumb.tsx';
import { MissionCode } from './ProjectTexts.tsx';
import { SourceLine } from './SourceLine.tsx';
import type { PlaceOutside, Project } from './types.ts';
import './projects.css';
import { missionName } from '../plan/missionNames.ts';

/** `/progetti/:id`: one project, every figure traced to the release it comes from. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  if (project.isError)
    return <ErrorState page error={project.error} onRetry={() => void project.refetch()} />;
  return <ProjectView project={project.data} />;
}

function ProjectView({ project }: { project: Project }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(project.title);
  return (
    <>
      <PageBreadcrumb
        current={project.cup}
        trail={[{ to: '/progetti', label: t('nav.projects') }]}
      />
      <p className="mb-1 d-flex flex-wrap gap-2">
        <span className="badge mp-badge-neutral">{project.programme}</span>
        {project.isManual ? (
          <span className="badge mp-badge-assigned">{t('projects.manual')}</span>
        ) : null}
      </p>
      <h1 className="mp-project-title">{project.title}</h1>
      <p className="mb-4">
        {t('projects.fields.cup')} <code>{project.cup}</code>
        {project.localCode !== project.cup ? (
          <>
            {' · '}
            {t('projects.fields.localCode')} <code>{project.localCode}</code>
          </>
        ) : null}
      </p>
      <SourceLine project={project} />
      <div className="row g-5">
        <div className="col-12 col-lg-7">
          {project.summary && project.summary !== project.title ? (
            <section aria-labelledby="project-summary" className="mb-4">
              <h2 id="project-summary" className="h4">
                {t('projects.fields.summary')}
              </h2>
              <p>{project.summary}</p>
            </section>
          ) : null}
          <FundingSection project={project} />
          <ProjectProgress project={project} />
          <Places project={project} />
          <LinkedActions projectId={project.id} />
        </div>
        <div className="col-12 col-lg-5">
          <Classification project={project} />
          <Subjects project={project} />
        </div>
      </div>
      {canImportProjects(user) ? <ProjectManagement project={project} /> : null}
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

function Classification({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const codes = [project.measureCode, project.subMeasureCode].filter(
    (code): code is string => !!code,
  );
  const titles = useMeasureTitles([...new Set(codes)]);
  const none = t('projects.notGiven');
  const measure = (code: string | null) =>
    code ? (
      <>
        <code>{code}</code>
        {titles.get(code) ? ` ${titles.get(code)}` : null}
      </>
    ) : (
      none
    );
  return (
    <section aria-labelledby="project-classification" className="mb-4">
      <h2 id="project-classification" className="h4">
        {t('projects.classification')}
      </h2>
      <dl className="mp-facts">
        <Fact label={t('projects.fields.mission')}>
          {project.mission ? (
            <>
              <MissionCode code={project.mission} /> {missionName(t, project.mission)}
            </>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('projects.fields.component')}>{project.component ?? none}</Fact>
        <Fact label={t('projects.fields.measure')}>{measure(project.measureCode)}</Fact>
        {project.subMeasureCode && project.subMeasureCode !== project.measureCode ? (
          <Fact label={t('projects.fields.subMeasure')}>{measure(project.subMeasureCode)}</Fact>
        ) : null}
        <Fact label={t('projects.fields.owner')}>{project.owner ?? none}</Fact>
        <Fact label={t('projects.fields.implementer')}>
          {project.implementer ?? none}
          {project.implementerTaxCode ? (
            <span className="d-block small">
              {t('projects.fields.taxCode')} <code>{project.implementerTaxCode}</code>
            </span>
          ) : null}
        </Fact>
        <Fact label={t('projects.fields.cupStatus')}>{project.cupStatus ?? none}</Fact>
        {/* The releases before 2024 give neither: their projects do without the rows. */}
        {project.isManual || project.progress || projectDates.some((name) => project[name]) ? (
          <>
            <Fact label={t('projects.fields.progress')}>{project.progress ?? none}</Fact>
            {projectDates.map((name) => (
              <Fact key={name} label={t(`projects.fields.${name}`)}>
                {project[name] ? format.date(project[name]) : none}
              </Fact>
            ))}
          </>
        ) : null}
        <Fact label={t('projects.fields.nature')}>{project.nature ?? none}</Fact>
        <Fact label={t('projects.fields.typology')}>{project.typology ?? none}</Fact>
        <Fact label={t('projects.fields.sector')}>{project.sector ?? none}</Fact>
        <Fact label={t('projects.fields.procedure')}>{project.procedure ?? none}</Fact>
        <Fact label={t('projects.fields.orgUnit')}>
          {project.orgUnit ? (
            <Link to={`/progetti?orgUnit=${project.orgUnit.id}`}>{project.orgUnit.name}</Link>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('projects.fields.sourceUpdatedAt')}>
          {project.sourceUpdatedAt ? format.date(project.sourceUpdatedAt) : none}
        </Fact>
      </dl>
    </section>
  );
}

function Subjects({ project }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="project-subjects" className="mb-4">
      <h2 id="project-subjects" className="h4">
        {t('projects.subjects.title')}
      </h2>
      {project.subjects.length === 0 ? (
        <p>{t('projects.subjects.none')}</p>
      ) : (
        <ul className="list-unstyled mp-subjects">
          {project.subjects.map((subject) => (
            <li key={`${subject.roleCode}-${subject.taxCode}`}>
              <span className="d-block small text-uppercase mp-figure-label">{subject.role}</span>
              <span className="d-block fw-semibold">{subject.name}</span>
              <span className="d-block small">
                {t('projects.fields.taxCode')} <code>{subject.taxCode}</code>
                {subject.legalForm ? ` · ${subject.legalForm}` : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function placeText(place: PlaceOutside, t: TFunction): string {
  const parts = [
    place.special
      ? t(`projects.places.special.${place.special}`, { defaultValue: place.special })
      : null,
    place.placeName,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('projects.places.unnamed');
}

function Places({ project }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="project-places" className="mb-4">
      <h2 id="project-places" className="h4">
        {t('projects.places.title')}
      </h2>
      {project.comuni.length === 0 ? (
        <p>{t('projects.places.noComuni')}</p>
      ) : (
        <>
          <p className="mb-2">{t('projects.places.comuni', { count: project.comuni.length })}</p>
          <ul className="mp-comuni-list" data-testid="project-comuni">
            {project.comuni.map((comune) => (
              <li key={comune.code}>
                <Link to={`/comuni/${comune.code}`}>{comune.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {project.placesOutsideComuni.length > 0 ? (
        <>
          <h3 className="h6 mt-3">{t('projects.places.outside')}</h3>
          <ul>
            {project.placesOutsideComuni.map((place, index) => (
              <li key={index}>
                {placeText(place, t)}
                {place.regionCode || place.provinceCode ? (
                  <span className="small">
                    {' '}
                    (
                    {[
                      place.regionCode
                        ? `${t('projects.places.region')} ${place.regionCode}`
                        : null,
                      place.provinceCode
                        ? `${t('projects.places.province')} ${place.provinceCode}`
                        : null,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                    )
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
