import { createHash, randomUUID } from 'node:crypto';
import {
  decodeText,
  detectSeparator,
  looksBinary,
  notCsvFormat,
  mapHeaders,
} from '../../../domain/csvHeaders.ts';
import { Forbidden, Invalid, Unauthenticated } from '../../../domain/errors.ts';
import type { Actor } from '../../../domain/roles.ts';
import { csvPieces } from '../../../domain/csvPieces.ts';
import { withRawTransaction, type RawSession } from '../../../db/rawSession.ts';
import { recordAudit } from '../../audit/service.ts';
import type { Ctx } from '../../context.ts';
import { canImportProjects } from '../policy.ts';
import { formats, type ImportKind } from './formats.ts';
import { importLocalizzazioni, localizzazioniRows } from './localizzazioni.ts';
import { loadNorm, type RejectedRow } from './normalise.ts';
import { importProgetti, progettiRows } from './progetti.ts';
import { importIndicatori, importPagamenti, indicatoriRows, pagamentiRows } from './releases.ts';
import type { RowKind } from './rows.ts';
import { importSoggetti, soggettiRows } from './soggetti.ts';
import { bulkSettings, type KindResult } from './apply.ts';

/**
 * 1 GiB: the largest national release (PNRR_Soggetti, 674 MB in 2026) with room to grow. The file
 * is read in pieces (domain/csvPieces.ts), so its text need not fit in one string.
 */
export const maxImportBytes = 1024 * 1024 * 1024;

/** Refuses a binary file, saying what it is when it is a spreadsheet or an archive. */
function refuseNotCsv(bytes: Uint8Array): never {
  const format = notCsvFormat(bytes);
  if (format === 'XLSX' || format === 'ODS' || format === 'XLS')
    throw Invalid(
      'file',
      `the file is a spreadsheet (${format}), not a CSV file: open it and save it as CSV separated by semicolons, then upload that`,
      'fileSpreadsheet',
      { format },
    );
  if (format === 'ZIP' || format === 'GZIP')
    throw Invalid(
      'file',
      `the file is a compressed archive (${format}), not a CSV file: extract the CSV files it holds and upload them`,
      'fileArchive',
      { format },
    );
  throw Invalid(
    'file',
    `the file is not text (it contains binary data${format ? `: a ${format}` : ''}): expected a CSV file`,
    'fileBinary',
  );
}

/** Refuses a file of `bytes` over `maxImportBytes`, naming the limit. */
export function refuseTooLarge(bytes: number): void {
  if (bytes > maxImportBytes)
    throw Invalid(
      'file',
      `the file is larger than ${maxImportBytes / 2 ** 20} MB`,
      'fileTooLarge',
      { megabytes: maxImportBytes / 2 ** 20 },
    );
}

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  kind?: ImportKind;
  scope?: 'all' | 'territory';
}

export interface ImportReport extends KindResult {
  releaseId: string;
  file: string;
  kind: ImportKind;
  scope: 'all' | 'territory';
  encoding: string;
  separator: string;
  sha256: string;
  releaseDate: string | null;
  rowsRead: number;
  rejected: number;
  rejectedRows: RejectedRow[];
  unknownColumns: string[];
  durationMs: number;
}

/**
 * Where an import is: checking the bytes and the header, reading the rows (with how far through
 * the file), comparing them with the stored ones, done.
 */
export type ImportProgress = (
  stage: 'checking' | 'reading' | 'comparing' | 'done',
  detail: string,
  fraction?: number,
) => void;

function splitHeader(line: string, separator: string): string[] {
  return line.split(separator).map((h) =>
    h
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replaceAll('""', '"'),
  );
}

/** The format whose required columns the header has; the file is refused when none fits. */
function chooseFormat(headers: string[], wanted?: ImportKind) {
  const candidates = wanted ? [formats[wanted]] : Object.values(formats);
  const mapped = candidates.map((format) => ({ format, ...mapHeaders(headers, format.synonyms) }));
  const fit = mapped.find((m) => m.format.required.every((r) => m.columns.includes(r)));
  if (fit) return fit;
  const best = mapped.sort(
    (a, b) => b.columns.filter(Boolean).length - a.columns.filter(Boolean).length,
  )[0]!;
  const found = headers.slice(0, 8).join('; ');
  if (best.columns.every((c) => c === null))
    throw Invalid(
      'file',
      `the header has none of the columns of the PNRR open-data files (found: ${found || 'nothing'})`,
      'fileNoKnownColumns',
      { found: found || '—' },
    );
  // A table of the PNRR (its missions, its measures) shares a column name or two with the
  // releases, but no release comes without the key of its projects.
  if (!projectKeyColumns.some((k) => best.columns.includes(k)))
    throw Invalid(
      'file',
      `this is not a release of PNRR projects (Progetti, Localizzazione, Soggetti, payments or indicators): its header has no CUP and no Codice Locale Progetto (found: ${found})`,
      'fileNotProjects',
      { found },
    );
  const missing = best.format.required
    .filter((r) => !best.columns.includes(r))
    .map((m) => best.format.synonyms[m]![0])
    .join(', ');
  throw Invalid(
    'file',
    `this looks like a ${best.format.kind} file but lacks the columns ${missing}`,
    'fileMissingColumns',
    { kind: best.format.kind, columns: missing },
  );
}

const projectKeyColumns = ['cup', 'local_code'];

/** Each kind of file: how its records are read, and the SQL that applies the rows read. */
const kinds: Record<
  ImportKind,
  {
    rows: RowKind;
    /** Where the rows land. */
    table: string;
    /** The columns queries filter and join on: their statistics are refreshed after an import. */
    analysed: string[];
    apply(
      s: RawSession,
      releaseId: string,
      scope: 'all' | 'territory',
      duplicates: number,
    ): Promise<KindResult>;
  }
> = {
  progetti: {
    rows: progettiRows,
    table: 'projects',
    analysed: [...projectKeyColumns, 'sub_measure_code', 'mission', 'measure_code', 'org_unit_id'],
    apply: importProgetti,
  },
  localizzazioni: {
    rows: localizzazioniRows,
    table: 'project_locations',
    analysed: [...projectKeyColumns, 'sub_measure_code', 'comune_code', 'special'],
    apply: importLocalizzazioni,
  },
  soggetti: {
    rows: soggettiRows,
    table: 'project_subjects',
    analysed: [...projectKeyColumns, 'tax_code'],
    apply: importSoggetti,
  },
  pagamenti: {
    rows: pagamentiRows,
    table: 'project_payments',
    analysed: projectKeyColumns,
    apply: importPagamenti,
  },
  indicatori: {
    rows: indicatoriRows,
    table: 'project_indicators',
    analysed: projectKeyColumns,
    apply: importIndicatori,
  },
};

/**
 * Who may import releases. The upload route asks it before reading a byte of the body, so that
 * nobody else can make the server hold a file of up to 1 GiB only to be told no.
 */
export function requireImporter(actor: Actor): void {
  if (!actor.user) throw Unauthenticated();
  if (!canImportProjects(actor.user))
    throw Forbidden('Only the PNRR unit and the plan office import releases.');
}

/**
 * Imports one official file, all or nothing: the bytes are checked and decoded, the header mapped,
 * each record read and checked in Node, the rows that are right copied into a temporary table with
 * COPY and applied with set-based SQL, in one transaction with the record of the release and the
 * audit entry.
 */
export async function importPnrrFile(
  ctx: Ctx,
  actor: Actor,
  input: ImportInput,
  onProgress: ImportProgress = () => undefined,
  options: { pieceBytes?: number } = {},
): Promise<ImportReport> {
  requireImporter(actor);
  const started = performance.now();
  const scope = input.scope ?? 'all';
  onProgress('checking', input.fileName);
  if (input.bytes.length === 0) throw Invalid('file', 'the file is empty', 'fileEmpty');
  refuseTooLarge(input.bytes.length);
  if (looksBinary(input.bytes)) refuseNotCsv(input.bytes);
  // The bytes hold a NUL exactly where the text would (in UTF-8 and in windows-1252): the sniff
  // above reads the start only, and PostgreSQL refuses a NUL anywhere in a text value.
  const nul = input.bytes.indexOf(0);
  if (nul !== -1) {
    const line = linesBefore(input.bytes, nul) + 1;
    throw Invalid(
      'file',
      `the file contains binary data (a NUL byte on line ${line}): expected a CSV file`,
      'fileNulByte',
      { line },
    );
  }
  // Read in pieces, so that a file larger than one string can hold (the national releases of
  // some kinds are) is imported too.
  const pieces = csvPieces(input.bytes, options.pieceBytes);
  const encoding = pieces.encoding;
  const first = pieces.texts().next().value ?? '';
  // A byte order mark, blank lines: no more than an empty file.
  if (pieces.count === 1 && first.trim() === '')
    throw Invalid('file', 'the file is empty', 'fileEmpty');
  // Lines ended by a carriage return alone (the old Mac OS way): the whole file reads as its
  // header, and its rows would be lost without a word.
  if (!first.includes('\n') && first.includes('\r'))
    throw Invalid(
      'file',
      'its lines end with a carriage return alone (CR, old Mac OS): save it with Windows (CR LF) or Unix (LF) line ends',
      'fileLineEnds',
    );
  const firstLine = first
    .slice(0, Math.max(0, first.indexOf('\n')) || first.length)
    .replace(/\r$/, '');
  const separator = detectSeparator(firstLine);
  if (!separator)
    throw Invalid(
      'file',
      'the first line has no ";" "," or tab separator: expected the header of a CSV file',
      'fileNoSeparator',
    );
  const headers = splitHeader(firstLine, separator);
  const { format, columns, unknown } = chooseFormat(headers, input.kind);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const releaseId = randomUUID();

  const report = await withRawTransaction(ctx.db, async (s) => {
    const kind = kinds[format.kind];
    onProgress('reading', `${format.kind}: reading rows`);
    await bulkSettings(s);
    const text = () => pieces.texts();
    const size = input.bytes.length;
    const read = await loadNorm(s, kind.rows, { text, size, separator, columns }, (fraction) =>
      onProgress('reading', `${format.kind}: reading rows`, fraction),
    );
    // A header alone is no release: importing it would record a release that says nothing.
    if (read.rowsRead === 0)
      throw Invalid('file', 'the file has its header but no rows', 'fileNoRows');
    onProgress('comparing', `${format.kind}: ${read.rowsRead} rows, comparing`);
    await s.query(
      `INSERT INTO import_releases (id, kind, file_name, sha256, bytes, encoding, release_date, scope, report, imported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{}'::jsonb, $9)`,
      [
        releaseId,
        format.kind,
        input.fileName,
        sha256,
        input.bytes.length,
        encoding,
        read.releaseDate,
        scope,
        actor.user!.id,
      ],
    );
    const result = await kind.apply(s, releaseId, scope, read.duplicates);
    // Fresh statistics after a large change: without them the planner guesses, and the projects
    // of a comune were read by scanning all 300,000 projects (400 ms instead of 20). Only the
    // columns queries select on: all 39 columns of the projects took 0.8 s, these 0.35 s.
    if (result.created + result.updated + result.removed >= 1000)
      await s.query(`ANALYZE ${kind.table} (${kind.analysed.join(', ')})`);
    const report: ImportReport = {
      releaseId,
      file: input.fileName,
      kind: format.kind,
      scope,
      encoding,
      separator,
      sha256,
      releaseDate: read.releaseDate,
      rowsRead: read.rowsRead,
      rejected: read.rejected,
      rejectedRows: read.rejectedRows,
      unknownColumns: unknown,
      ...result,
      durationMs: Math.round(performance.now() - started),
    };
    await s.query(`UPDATE import_releases SET report = $2::jsonb WHERE id = $1`, [
      releaseId,
      JSON.stringify(report),
    ]);
    return report;
  });
  await recordAudit(ctx.db, actor, {
    action: 'pnrr.release_imported',
    entityType: 'import_release',
    entityId: releaseId,
    after: { ...report, rejectedRows: report.rejectedRows.length, changes: report.changes.length },
  });
  onProgress(
    'done',
    `${report.kind}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`,
  );
  return report;
}

function linesBefore(bytes: Uint8Array, at: number): number {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1)) lines++;
  return lines;
}

/** The kind of an official file from its header, to import several in a sensible order. */
export function detectImportKind(bytes: Uint8Array): ImportKind | null {
  if (looksBinary(bytes)) return null;
  // Cut at a line end, never inside a multi-byte character.
  const window = bytes.subarray(0, 64 * 1024);
  const end = window.length < bytes.length ? window.lastIndexOf(0x0a) : window.length;
  const head = decodeText(window.subarray(0, end > 0 ? end : window.length)).text;
  const firstLine = head.split('\n')[0]!.replace(/\r$/, '');
  const separator = detectSeparator(firstLine);
  if (!separator) return null;
  try {
    return chooseFormat(splitHeader(firstLine, separator)).format.kind;
  } catch {
    return null;
  }
}

/** Locations first: importing projects "in the territory" needs to know where they are. */
export const importOrder: ImportKind[] = [
  'localizzazioni',
  'progetti',
  'soggetti',
  'pagamenti',
  'indicatori',
];
