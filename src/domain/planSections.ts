/** The three sections of the PSTTM (L. 56/2014 art. 1 c. 44; statute of CMM art. 34). */
export const planSections = [
  { code: '1', title: 'Indirizzi per le funzioni di area vasta' },
  { code: '2', title: "Indirizzi per l'esercizio delle funzioni comunali" },
  { code: '3', title: 'Patto metropolitano' },
] as const;

export type SectionCode = (typeof planSections)[number]['code'];

export const sectionCodes = planSections.map((s) => s.code) as SectionCode[];

/** The six PNRR missions the plan is classified by (M7 REPowerEU came with the 2023 revision). */
export const planMissions = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'] as const;
export const allMissions = [...planMissions, 'M7'] as const;

/** Other plans a goal or action can be linked to. */
export const linkedPlanKinds = ['ptm', 'pums', 'agenda2030'] as const;

/** An action with no missions of its own counts under its goal's missions. */
export function effectiveMissions(
  own: readonly string[],
  goal: readonly string[] | undefined,
): string[] {
  return own.length > 0 ? [...own] : [...(goal ?? [])];
}
