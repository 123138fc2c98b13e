import type { TFunction } from 'i18next';
import { allMissions } from './types.ts';

/**
 * The one source of PNRR mission names in the pages: `plan.missions` in the locales, whose Italian
 * texts are the titles of the PNRR missions reference (reference-data/pnrr/pnrr_missioni.csv; a
 * unit test keeps them equal). An unknown code stays bare.
 */
export function missionName(t: TFunction, code: string): string {
  return t(`plan.missions.${code}`, { defaultValue: code });
}

/** "M4 · Istruzione e ricerca": how a mission reads in a list of choices. */
export function missionOptions(t: TFunction): { value: string; label: string }[] {
  return allMissions.map((code) => ({ value: code, label: `${code} · ${missionName(t, code)}` }));
}
