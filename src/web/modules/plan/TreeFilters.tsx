import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField } from '../../ui/fields.tsx';
import {
  bindFilters,
  FoldButton,
  FoldedFilters,
  ResetFilters,
  SearchForm,
  useFold,
} from '../../ui/FilterForm.tsx';
import { SearchField } from '../../ui/SearchField.tsx';
import type { PlanLabels } from './labels.ts';
import { allMissions, sectionCodes } from './types.ts';

export const treeDefaults = {
  q: '',
  mission: '',
  sdg: '',
  zone: '',
  comune: '',
  orgUnit: '',
  section: '',
  examples: '',
};
export type TreeFilterState = typeof treeDefaults;

/** Missions are kept in the URL as `mission=M1,M3`. */
export function missionsOf(filters: TreeFilterState): string[] {
  return filters.mission
    .split(',')
    .filter((code) => (allMissions as readonly string[]).includes(code));
}

export function hasFilters(filters: TreeFilterState): boolean {
  return Object.values(filters).some((value) => value !== '');
}

interface TreeFiltersProps {
  filters: TreeFilterState;
  onChange: (patch: Partial<TreeFilterState>) => void;
  labels: PlanLabels;
}

export function TreeFilters({ filters, onChange, labels }: TreeFiltersProps) {
  const { t } = useTranslation();
  const missions = missionsOf(filters);
  const more = ['section', 'sdg', 'zone', 'comune', 'orgUnit'] as const;
  const fold = useFold(
    'plan-more-filters',
    more.some((key) => filters[key] !== ''),
  );
  const filter = bindFilters(filters, onChange);
  const toggleMission = (code: string, checked: boolean) => {
    const next = checked ? [...missions, code] : missions.filter((item) => item !== code);
    onChange({ mission: allMissions.filter((item) => next.includes(item)).join(',') });
  };
  return (
    <SearchForm label={t('plan.filters.label')} className="mp-filters mp-tree-filters mp-no-print">
      <SearchField
        label={t('plan.filters.search')}
        value={filters.q}
        onSearch={(q) => onChange({ q })}
      />
      <FoldButton
        fold={fold}
        moreLabel={t('plan.filters.more')}
        fewerLabel={t('plan.filters.fewer')}
      />
      <FoldedFilters fold={fold} className="row g-3 mt-2">
        <div className="col-12 col-md-4">
          <SelectField
            label={t('plan.filters.section')}
            {...filter('section')}
            emptyLabel={t('plan.filters.allSections')}
            options={sectionCodes.map((code) => ({
              value: code,
              label: `${code}. ${labels.sectionTitle(code)}`,
            }))}
          />
        </div>
        <div className="col-12 col-md-8">
          <SelectField
            label={t('plan.filters.sdg')}
            {...filter('sdg')}
            emptyLabel={t('plan.filters.allSdgs')}
            options={labels.sdgs.map((sdg) => ({
              value: String(sdg.goal),
              label: `${sdg.goal}. ${labels.sdgName(sdg.goal)}`,
            }))}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('plan.filters.zone')}
            {...filter('zone')}
            emptyLabel={t('plan.filters.allZones')}
            options={labels.zones.map((zone) => ({ value: zone.id, label: zone.name }))}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('plan.filters.comune')}
            {...filter('comune')}
            emptyLabel={t('plan.filters.allComuni')}
            options={labels.comuni.map((c) => ({ value: c.istatCode, label: c.name }))}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('plan.filters.orgUnit')}
            {...filter('orgUnit')}
            emptyLabel={t('plan.filters.allOrgUnits')}
            options={labels.orgUnits.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </div>
      </FoldedFilters>
      <fieldset className="mt-3">
        <legend className="fs-6 fw-semibold mb-1">{t('plan.filters.missions')}</legend>
        <div className="mp-mission-checks">
          {allMissions.map((code) => (
            <CheckboxField
              key={code}
              className="form-check-inline"
              label={`${code} · ${labels.missionShort(code)}`}
              checked={missions.includes(code)}
              onChange={(checked) => toggleMission(code, checked)}
            />
          ))}
        </div>
      </fieldset>
      <div className="d-flex flex-wrap align-items-center gap-3 mt-2">
        <CheckboxField
          label={t('plan.filters.hideExamples')}
          checked={filters.examples === 'hide'}
          onChange={(checked) => onChange({ examples: checked ? 'hide' : '' })}
        />
        {hasFilters(filters) ? (
          <ResetFilters
            label={t('plan.filters.reset')}
            onReset={() => onChange({ ...treeDefaults })}
          />
        ) : null}
      </div>
    </SearchForm>
  );
}
