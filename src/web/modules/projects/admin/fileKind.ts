/**
 * Which official PNRR file a CSV is, guessed in the browser from its header (or, failing that,
 * its name), so that several files go up in the order the import needs: the places first, then
 * the projects that are split among them, then their subjects, payments and indicators.
 * The server checks the header again and refuses a file it cannot read.
 */
export const uploadOrder = [
  'localizzazioni',
  'progetti',
  'soggetti',
  'pagamenti',
  'indicatori',
] as const;
export type DetectedKind = (typeof uploadOrder)[number] | 'unknown';

const byHeader: [DetectedKind, RegExp][] = [
  ['progetti', /^titolo (del )?progetto$/],
  ['soggetti', /^(ruolo soggetto|codice ruolo soggetto|codice fiscale soggetto)$/],
  ['pagamenti', /^pagamenti totali/],
  ['indicatori', /^codice indicatore$/],
  ['localizzazioni', /^(codice )?comune$/],
];

const byName: [DetectedKind, RegExp][] = [
  ['localizzazioni', /localizzazion/i],
  ['progetti', /progetti/i],
  ['soggetti', /soggetti/i],
  ['pagamenti', /pagament/i],
  ['indicatori', /indicator/i],
];

function columnsOf(firstLine: string): string[] {
  const separator = [';', '\t', ','].find((candidate) => firstLine.includes(candidate)) ?? ';';
  return firstLine.split(separator).map((name) =>
    name
      .replace(/^\uFEFF/, '')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/_/g, ' ')
      .toLowerCase(),
  );
}

/** Every release names its projects by CUP or codice locale progetto; tables of the PNRR do not. */
const projectKey = /^(codice )?cup$|^codice locale (del )?progetto$|^clp$/;

export function kindOf(fileName: string, firstLine: string): DetectedKind {
  const columns = columnsOf(firstLine);
  // A table of the PNRR's measures or indicators, or the metadata of a release, is no release,
  // whatever its name says: the server will say what it is.
  if (!columns.some((column) => projectKey.test(column))) return 'unknown';
  for (const [kind, pattern] of byHeader)
    if (columns.some((column) => pattern.test(column))) return kind;
  for (const [kind, pattern] of byName) if (pattern.test(fileName)) return kind;
  return 'unknown';
}

/** Reads just the start of the file: enough for the header of any release. */
export async function detectKind(file: File): Promise<DetectedKind> {
  const head = await file.slice(0, 16 * 1024).text();
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  return kindOf(file.name, firstLine);
}

export function rankOf(kind: DetectedKind): number {
  const index = (uploadOrder as readonly string[]).indexOf(kind);
  return index === -1 ? uploadOrder.length : index;
}
