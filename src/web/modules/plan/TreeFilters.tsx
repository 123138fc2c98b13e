import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../ui/classNames.ts';
import { CheckboxField, SelectField } from '../../ui/fields.tsx';
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
  const moreActive = more.filter((key) => filters[key] !== '').length;
  // On a phone the less used filters fold away; on wider screens they are always shown.
  const [moreOpen, setMoreOpen] = useState(moreActive > 0);
  const toggleMission = (code: string, checked: boolean) => {
    const next = checked ? [...missions, code] : missions.filter((item) => item !== code);
    onChange({ mission: allMissions.filter((item) => next.includes(item)).join(',') });
  };
  return (
    <form
      role="search"
      aria-label={t('plan.filters.label')}
      className="mp-filters mp-tree-filters mp-no-print"
      onSubmit={(event) => event.preventDefault()}
    >
      <SearchField
        label={t('plan.filters.search')}
        value={filters.q}
        onSearch={(q) => onChange({ q })}
      />
      <button
        type="button"
        className="btn btn-outline-primary btn-xs d-md-none mb-2"
        aria-expanded={moreOpen}
        aria-controls="plan-more-filters"
        onClick={() => setMoreOpen((open) => !open)}
      >
        {t(moreOpen ? 'plan.filters.fewer' : 'plan.filters.more')}
      </button>
      <div id="plan-more-filters" className={cx('row g-3', !moreOpen && 'd-none d-md-flex')}>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('plan.filters.section')}
            value={filters.section}
            onChange={(section) => onChange({ section })}
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
            value={filters.sdg}
            onChange={(sdg) => onChange({ sdg })}
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
            value={filters.zone}
            onChange={(zone) => onChange({ zone })}
            emptyLabel={t('plan.filters.allZones')}
            options={labels.zones.map((zone) => ({ value: zone.id, label: zone.name }))}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('plan.filters.comune')}
            value={filters.comune}
            onChange={(comune) => onChange({ comune })}
            emptyLabel={t('plan.filters.allComuni')}
            options={labels.comuni.map((c) => ({ value: c.istatCode, label: c.name }))}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('plan.filters.orgUnit')}
            value={filters.orgUnit}
            onChange={(orgUnit) => onChange({ orgUnit })}
            emptyLabel={t('plan.filters.allOrgUnits')}
            options={labels.orgUnits.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </div>
      </div>
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
          <Button
            type="button"
            color="secondary"
            outline
            size="xs"
            onClick={() => onChange({ ...treeDefaults })}
          >
            {t('plan.filters.reset')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
