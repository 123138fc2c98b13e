import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/fields.tsx';
import {
  bindFilters,
  FoldButton,
  FoldedFilters,
  ResetFilters,
  SearchForm,
  useFold,
} from '../../ui/FilterForm.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import { useOrgUnits } from '../admin/hooks.ts';
import { allMissions } from '../plan/types.ts';
import { useComuni, useZones } from '../territory/hooks.ts';
import { MeasureSelect } from './MeasureSelect.tsx';
import { projectSorts, type ProjectFilter, type ProjectSort } from './types.ts';
import { missionOptions } from '../plan/missionNames.ts';

export const projectDefaults = {
  q: '',
  mission: '',
  measure: '',
  zone: '',
  comune: '',
  subject: '',
  orgUnit: '',
  sort: '-pnrr',
  page: '1',
};
export type ProjectFilterState = typeof projectDefaults;

/** The API searches words from two characters on; shorter text is not sent. */
const words = (text: string) => (text.trim().length >= 2 ? text.trim() : undefined);

/** The filters of the URL as the API takes them (also for the export links). */
export function filterOf(state: ProjectFilterState): ProjectFilter {
  return {
    q: words(state.q),
    mission: (allMissions as readonly string[]).includes(state.mission) ? state.mission : undefined,
    measure: state.measure || undefined,
    zone: state.zone || undefined,
    comune: /^[0-9]{6}$/.test(state.comune) ? state.comune : undefined,
    subject: words(state.subject),
    orgUnit: /^[0-9a-f-]{36}$/.test(state.orgUnit) ? state.orgUnit : undefined,
  };
}

export function sortOf(state: ProjectFilterState): ProjectSort {
  return (projectSorts as readonly string[]).includes(state.sort)
    ? (state.sort as ProjectSort)
    : '-pnrr';
}

export function hasFilters(state: ProjectFilterState): boolean {
  return Object.values(filterOf(state)).some((value) => value !== undefined);
}

interface ProjectFiltersProps {
  filters: ProjectFilterState;
  onChange: (patch: Partial<ProjectFilterState>) => void;
}

export function ProjectFilters({ filters, onChange }: ProjectFiltersProps) {
  const { t } = useTranslation();
  const zones = useZones();
  const comuni = useComuni({ pageSize: 200, sort: 'name' });
  const units = useOrgUnits();
  const folded = ['subject', 'mission', 'measure', 'zone', 'comune', 'orgUnit', 'sort'] as const;
  const fold = useFold(
    'project-more-filters',
    folded.some((key) => filters[key] !== projectDefaults[key]),
  );
  const filter = bindFilters(filters, onChange);
  // A measure belongs to one mission: choosing another mission lets it go.
  const onMission = (mission: string) =>
    onChange({
      mission,
      ...(mission && filters.measure && !filters.measure.startsWith(`${mission}C`)
        ? { measure: '' }
        : {}),
    });
  return (
    <SearchForm label={t('projects.filters.label')} className="mp-filters mb-2">
      <div className="row g-3">
        <div className="col-12">
          <SearchField
            label={t('projects.filters.search')}
            value={filters.q}
            onSearch={(q) => onChange({ q })}
          />
          <FoldButton
            fold={fold}
            moreLabel={t('projects.filters.more')}
            fewerLabel={t('projects.filters.fewer')}
          />
        </div>
      </div>
      <FoldedFilters fold={fold} className="row g-3 mt-2">
        <div className="col-12 col-md-6 col-lg-3">
          <SearchField
            label={t('projects.filters.subject')}
            value={filters.subject}
            onSearch={(subject) => onChange({ subject })}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            label={t('projects.filters.mission')}
            value={filters.mission}
            onChange={onMission}
            emptyLabel={t('projects.filters.allMissions')}
            options={missionOptions(t)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            label={t('projects.filters.zone')}
            {...filter('zone')}
            emptyLabel={t('projects.filters.allZones')}
            options={(zones.data ?? []).map((zone) => ({ value: zone.id, label: zone.name }))}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            label={t('projects.filters.comune')}
            {...filter('comune')}
            emptyLabel={t('projects.filters.allComuni')}
            options={(comuni.data?.items ?? []).map((comune) => ({
              value: comune.istatCode,
              label: comune.name,
            }))}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            label={t('projects.filters.orgUnit')}
            {...filter('orgUnit')}
            emptyLabel={t('projects.filters.allOrgUnits')}
            options={(units.data ?? [])
              .filter((unit) => !unit.archived)
              .map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </div>
        <div className="col-12 col-lg-8">
          <MeasureSelect
            label={t('projects.filters.measure')}
            mission={filters.mission}
            {...filter('measure')}
            emptyLabel={t('projects.filters.allMeasures')}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4 align-self-end">
          <SelectField
            label={t('projects.filters.sort')}
            {...filter('sort')}
            options={projectSorts.map((sort) => ({
              value: sort,
              label: t(`projects.sorts.${sort}`),
            }))}
          />
        </div>
      </FoldedFilters>
      {hasFilters(filters) ? (
        <ResetFilters
          label={t('projects.filters.reset')}
          className="mt-2"
          onReset={() => onChange({ ...projectDefaults, sort: filters.sort })}
        />
      ) : null}
    </SearchForm>
  );
}
