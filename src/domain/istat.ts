/** ISTAT municipality code: 6 digits, province (3) + progressive within the province (3). */
export function isIstatComuneCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * Accepts the ways people name a metropolitan city: the UTS code (215), the historic
 * province code (015 or 15) or the plate sigla (MI). Returns the UTS code or null.
 */
export function resolveMetroCode(
  input: string,
  metros: readonly { utsCode: string; provinceCode: string; sigla: string }[],
): string | null {
  const value = input.trim().toUpperCase();
  if (value === '') return null;
  const asNumber = /^\d{1,3}$/.test(value) ? value.padStart(3, '0') : null;
  const found = metros.find(
    (m) => m.utsCode === asNumber || m.provinceCode === asNumber || m.sigla === value,
  );
  return found?.utsCode ?? null;
}

/** Lower case, accents and apostrophes folded: "Cassina de' Pecchi" → "cassina de pecchi". */
export function searchableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/['’`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
