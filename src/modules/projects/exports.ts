import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { Invalid } from '../../domain/errors.ts';
import { geometryLabelPoint } from '../../domain/geoArea.ts';
import type { Ctx } from '../context.ts';
import { comuniGeoJson } from '../territory/geo.ts';
import type { ProjectSummaryView } from './presenters.ts';
import { listProjects, type ProjectQuery } from './service.ts';

export const maxExportRows = 100_000;

const columns: { key: keyof ProjectSummaryView | 'comuniNames'; header: string; width: number }[] =
  [
    { key: 'cup', header: 'CUP', width: 18 },
    { key: 'localCode', header: 'Codice Locale Progetto', width: 26 },
    { key: 'title', header: 'Titolo progetto', width: 60 },
    { key: 'programme', header: 'Programma', width: 10 },
    { key: 'mission', header: 'Missione', width: 9 },
    { key: 'measureCode', header: 'Misura', width: 12 },
    { key: 'subMeasureCode', header: 'Submisura', width: 12 },
    { key: 'implementer', header: 'Soggetto attuatore', width: 36 },
    { key: 'fundingPnrr', header: 'Finanziamento PNRR (€)', width: 18 },
    { key: 'fundingTotal', header: 'Finanziamento totale (€)', width: 18 },
    { key: 'comuniNames', header: 'Comuni', width: 40 },
    { key: 'locations', header: 'Localizzazioni', width: 12 },
  ];

async function everything(ctx: Ctx, query: ProjectQuery): Promise<ProjectSummaryView[]> {
  const first = await listProjects(ctx, { ...query, page: 1, pageSize: 1 });
  if (first.total > maxExportRows)
    throw Invalid(
      'querystring',
      `${first.total} projects match: narrow the filters to at most ${maxExportRows} to export them`,
      'tooManyToExport',
      { total: first.total, max: maxExportRows },
    );
  // One query for all of them: page after page, each page sorted the matching projects again
  // and worked out the places of every project it skipped, and 100,000 projects in pages of 200
  // took eleven minutes on PostgreSQL here.
  return (await listProjects(ctx, { ...query, page: 1, pageSize: first.total })).items;
}

const cell = (p: ProjectSummaryView, key: (typeof columns)[number]['key']) =>
  key === 'comuniNames' ? p.comuni.map((c) => c.name).join(', ') : p[key];

const money = new Set<string>(['fundingPnrr', 'fundingTotal']);

/** An amount as the official releases write it: a decimal comma and no thousands separator. */
const italianAmount = (value: unknown) =>
  value === null || value === undefined ? '' : Number(value).toFixed(2).replace('.', ',');

/**
 * Semicolon-separated, UTF-8 with BOM, amounts with a decimal comma (`4776724,50`), as the
 * official PNRR files are: what a spreadsheet set to Italian opens as numbers (a decimal point,
 * beside semicolons, it took for a thousands separator or for text). A turn of the event loop
 * every thousand rows, so a large export does not hold the server.
 */
async function csv(rows: ProjectSummaryView[]): Promise<string> {
  const quote = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.map((c) => quote(c.header)).join(';')];
  for (let i = 0; i < rows.length; i++) {
    lines.push(
      columns
        .map((c) =>
          money.has(c.key) ? italianAmount(cell(rows[i]!, c.key)) : quote(cell(rows[i]!, c.key)),
        )
        .join(';'),
    );
    if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The workbook written row by row (exceljs's streaming writer), with a turn of the event loop
 * every thousand rows: built whole in memory, 100,000 projects held the server for six seconds.
 */
async function xlsx(rows: ProjectSummaryView[]): Promise<Buffer> {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  workbook.creator = 'Metroplan';
  const sheet = workbook.addWorksheet('Progetti', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.key === 'fundingPnrr' || c.key === 'fundingTotal'
      ? { style: { numFmt: '#,##0.00' } }
      : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (let i = 0; i < rows.length; i++) {
    const p = rows[i]!;
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cell(p, c.key)]))).commit();
    if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(parts);
}

/** One feature per project: a MultiPoint at its comuni, with the project's figures. */
async function geojson(ctx: Ctx, rows: ProjectSummaryView[]) {
  const shapes = await comuniGeoJson(ctx);
  const points = new Map(
    shapes.features.map((f) => [
      String(f.properties.istatCode),
      f.geometry ? geometryLabelPoint(f.geometry) : null,
    ]),
  );
  return {
    type: 'FeatureCollection',
    features: rows.map((p) => ({
      type: 'Feature',
      properties: { ...p, comuni: p.comuni.map((c) => c.code).join(',') },
      geometry: {
        type: 'MultiPoint',
        coordinates: p.comuni
          .map((c) => points.get(c.code))
          .filter((x): x is [number, number] => Boolean(x)),
      },
    })),
  };
}

export async function exportProjects(
  ctx: Ctx,
  query: ProjectQuery,
  format: 'csv' | 'xlsx' | 'geojson',
) {
  const rows = await everything(ctx, query);
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv')
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `progetti-${stamp}.csv`,
      body: await csv(rows),
    };
  if (format === 'xlsx')
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `progetti-${stamp}.xlsx`,
      body: await xlsx(rows),
    };
  return {
    contentType: 'application/geo+json',
    filename: `progetti-${stamp}.geojson`,
    body: JSON.stringify(await geojson(ctx, rows)),
  };
}
