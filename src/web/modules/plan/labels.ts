import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../admin/hooks.ts';
import { useComuni, useZones } from '../territory/hooks.ts';
import { useSdgs } from './hooks.ts';
import { missionName as nameOfMission } from './missionNames.ts';
import type { Scope } from './types.ts';

/**
 * Names for the codes and ids a plan item carries: missions, SDGs, sections, org units, zones
 * and comuni, in the reader's language where the data has one.
 */
export function usePlanLabels() {
  const { t, i18n } = useTranslation();
  const sdgs = useSdgs();
  const orgUnits = useOrgUnits();
  const zones = useZones();
  const comuni = useComuni({ pageSize: 200, sort: 'name' });
  const english = i18n.language === 'en';

  const maps = useMemo(
    () => ({
      sdg: new Map((sdgs.data ?? []).map((s) => [s.goal, english ? s.nameEn : s.nameIt])),
      orgUnit: new Map((orgUnits.data ?? []).map((unit) => [unit.id, unit.name])),
      zone: new Map((zones.data ?? []).map((zone) => [zone.id, zone.name])),
      comune: new Map((comuni.data?.items ?? []).map((c) => [c.istatCode, c.name])),
    }),
    [sdgs.data, orgUnits.data, zones.data, comuni.data, english],
  );

  const missionName = useCallback((code: string) => nameOfMission(t, code), [t]);
  const missionShort = useCallback(
    (code: string) => t(`plan.missionsShort.${code}`, { defaultValue: code }),
    [t],
  );
  const sectionTitle = useCallback(
    (code: string | null, fallback = '') =>
      code ? t(`plan.sections.${code}`, { defaultValue: fallback || code }) : fallback,
    [t],
  );
  const sdgName = useCallback(
    (goal: number) => maps.sdg.get(goal) ?? t('plan.sdgNumber', { goal }),
    [maps, t],
  );
  const orgUnitName = useCallback(
    (id: string | null) => (id ? (maps.orgUnit.get(id) ?? t('plan.unknownOrgUnit')) : null),
    [maps, t],
  );
  const zoneName = useCallback((id: string) => maps.zone.get(id) ?? id, [maps]);
  const comuneName = useCallback((code: string) => maps.comune.get(code) ?? code, [maps]);
  const scopeText = useCallback(
    (scope: Scope) => {
      if (scope.kind === 'zones')
        return t('plan.scope.zonesList', { names: scope.zones.map(zoneName).join(', ') });
      if (scope.kind === 'comuni')
        return t('plan.scope.comuniList', { names: scope.comuni.map(comuneName).join(', ') });
      return t('plan.scope.metro');
    },
    [t, zoneName, comuneName],
  );

  return {
    missionName,
    missionShort,
    sectionTitle,
    sdgName,
    orgUnitName,
    zoneName,
    comuneName,
    scopeText,
    sdgs: sdgs.data ?? [],
    orgUnits: (orgUnits.data ?? []).filter((unit) => !unit.archived),
    zones: zones.data ?? [],
    comuni: comuni.data?.items ?? [],
  };
}

export type PlanLabels = ReturnType<typeof usePlanLabels>;
