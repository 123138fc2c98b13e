import { useComuni, useZones } from '../territory/hooks.ts';
import type { Option } from '../../ui/fields.tsx';
import { useOrgUnits } from './hooks.ts';

/** Choices for a user's scope: every comune, zone and active org unit, by name. */
export function useScopeOptions() {
  const comuni = useComuni({ pageSize: 200, sort: 'name' });
  const zones = useZones();
  const orgUnits = useOrgUnits();
  const comuneOptions: Option[] = (comuni.data?.items ?? []).map((comune) => ({
    value: comune.istatCode,
    label: comune.name,
  }));
  const zoneOptions: Option[] = (zones.data ?? []).map((zone) => ({
    value: zone.id,
    label: zone.name,
  }));
  const orgUnitOptions: Option[] = (orgUnits.data ?? [])
    .filter((unit) => !unit.archived)
    .map((unit) => ({ value: unit.id, label: unit.name }));
  return { comuneOptions, zoneOptions, orgUnitOptions };
}

export function labelOf(options: Option[], value: string | null | undefined): string | undefined {
  return options.find((option) => option.value === value)?.label ?? value ?? undefined;
}
