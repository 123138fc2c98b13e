import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { TDocumentDefinitions, Content } from 'pdfmake/interfaces';
import { plainText } from '../../domain/richText.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Ctx } from '../context.ts';
import { listOrgUnits } from '../organisation/service.ts';
import { getVersion, type VersionDetailView } from './versions.ts';
import { planTree, type TreeView } from './views.ts';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
pdfmake.setFonts(require('pdfmake/fonts/Roboto.js'));
// A plan export never fetches anything from the network, and reads no file but pdfmake's fonts.
pdfmake.setUrlAccessPolicy(() => false);
const fontsDir = path.dirname(require.resolve('pdfmake/fonts/Roboto.js'));
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontsDir + path.sep));

export type ExportFormat = 'json' | 'xlsx' | 'pdf';

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Buffer | string;
}

const statusLabel: Record<string, string> = {
  draft: 'bozza',
  consultation: 'in consultazione',
  adopted: 'adottata',
  superseded: 'sostituita',
};

interface Row {
  section: string;
  code: string;
  kind: string;
  title: string;
  goal: string;
  missions: string;
  measures: string;
  sdgs: string;
  linkedPlans: string;
  pillars: string;
  drivers: string;
  scope: string;
  orgUnit: string;
  period: string;
  description: string;
  example: string;
}

/** One row per goal and per action, in plan order, with every classification spelled out. */
function rowsOf(tree: TreeView, orgUnitNames: Map<string, string>): Row[] {
  const name = (keys: string[], pool: { key: string; title: string }[]) =>
    keys.map((k) => pool.find((p) => p.key === k)?.title ?? k).join('; ');
  const rows: Row[] = [];
  for (const section of tree.sections) {
    for (const goal of section.goals) {
      for (const item of [goal, ...goal.actions]) {
        rows.push({
          section: `${section.code} ${section.title}`,
          code: item.code ?? '',
          kind: item.kind === 'goal' ? 'Obiettivo' : 'Azione',
          title: item.title,
          goal: item.kind === 'action' ? goal.title : '',
          missions: item.effectiveMissions.join(', '),
          measures: item.measures.join(', '),
          sdgs: item.sdgs.map((g) => `SDG ${g}`).join(', '),
          linkedPlans: item.linkedPlans.map((p) => p.toUpperCase()).join(', '),
          pillars: name(item.pillarKeys, tree.pillars),
          drivers: name(item.driverKeys, tree.drivers),
          scope:
            item.scope.kind === 'metro'
              ? 'Intera città metropolitana'
              : [...item.scope.zones, ...item.scope.comuni].join(', '),
          orgUnit: item.orgUnitId ? (orgUnitNames.get(item.orgUnitId) ?? '') : '',
          period: item.periodStart ? `${item.periodStart}–${item.periodEnd ?? ''}` : '',
          description: plainText(item.description),
          example: item.isExample ? 'sì' : '',
        });
      }
    }
  }
  return rows;
}

const columns: { key: keyof Row; header: string; width: number }[] = [
  { key: 'section', header: 'Sezione', width: 28 },
  { key: 'code', header: 'Codice', width: 9 },
  { key: 'kind', header: 'Tipo', width: 10 },
  { key: 'title', header: 'Titolo', width: 48 },
  { key: 'goal', header: 'Obiettivo', width: 36 },
  { key: 'missions', header: 'Missioni PNRR', width: 14 },
  { key: 'measures', header: 'Misure PNRR', width: 16 },
  { key: 'sdgs', header: 'SDG', width: 14 },
  { key: 'linkedPlans', header: 'Piani collegati', width: 16 },
  { key: 'pillars', header: 'Pilastri', width: 20 },
  { key: 'drivers', header: 'Driver', width: 24 },
  { key: 'scope', header: 'Ambito territoriale', width: 24 },
  { key: 'orgUnit', header: 'Unità organizzativa', width: 24 },
  { key: 'period', header: 'Periodo', width: 11 },
  { key: 'description', header: 'Descrizione', width: 60 },
  { key: 'example', header: 'Esempio', width: 9 },
];

async function xlsx(version: VersionDetailView, rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Metroplan';
  workbook.title = `${version.plan.title} — ${version.label}`;
  const sheet = workbook.addWorksheet('Obiettivi e azioni', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const info = workbook.addWorksheet('Versione');
  info.addRows([
    ['Piano', version.plan.title],
    ['Versione', `${version.number} — ${version.label}`],
    ['Stato', statusLabel[version.status] ?? version.status],
    ['Obiettivi', version.counts.goals],
    ['Azioni', version.counts.actions],
    [],
    ['Atti'],
    ...version.acts.map((a) => [
      a.date ?? 'data non nota',
      `${a.title}${a.number ? ` (${a.number})` : ''}`,
    ]),
  ]);
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function pdf(version: VersionDetailView, tree: TreeView): Promise<Buffer> {
  const content: Content[] = [
    { text: version.plan.title, style: 'title' },
    {
      text: `Versione ${version.number} — ${version.label} (${statusLabel[version.status] ?? version.status})`,
      style: 'subtitle',
    },
  ];
  for (const act of version.acts)
    content.push({
      text: `${act.date ?? 'data non nota'} · ${act.title}${act.number ? ` (${act.number})` : ''}`,
      style: 'small',
    });
  for (const section of tree.sections) {
    content.push({ text: `${section.code}. ${section.title}`, style: 'section' });
    if (section.goals.length === 0) content.push({ text: 'Nessun obiettivo.', style: 'small' });
    for (const goal of section.goals) {
      content.push({
        text: `${goal.code ?? ''} ${goal.title}${goal.isExample ? ' [esempio]' : ''}`.trim(),
        style: 'goal',
      });
      const tags = [goal.effectiveMissions.join(', '), goal.sdgs.map((g) => `SDG ${g}`).join(', ')]
        .filter(Boolean)
        .join(' · ');
      if (tags) content.push({ text: tags, style: 'small' });
      const text = plainText(goal.description);
      if (text) content.push({ text, margin: [0, 2, 0, 4] });
      if (goal.actions.length > 0)
        content.push({
          ul: goal.actions.map((a) =>
            `${a.code ?? ''} ${a.title}${a.effectiveMissions.length ? ` (${a.effectiveMissions.join(', ')})` : ''}`.trim(),
          ),
          margin: [10, 0, 0, 6],
        });
    }
  }
  const doc: TDocumentDefinitions = {
    info: { title: `${version.plan.title} — ${version.label}`, creator: 'Metroplan' },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    footer: (page, pages) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 8] },
      section: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      goal: { fontSize: 11, bold: true, margin: [0, 6, 0, 2] },
      small: { fontSize: 8, color: '#555555' },
    },
  };
  return pdfmake.createPdf(doc).getBuffer();
}

export async function exportVersion(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const version = await getVersion(ctx, actor, versionId);
  const tree = await planTree(ctx, actor, versionId, {});
  const base = `${version.plan.slug}-v${version.number}`;
  if (format === 'json') {
    return {
      contentType: 'application/json; charset=utf-8',
      filename: `${base}.json`,
      body: JSON.stringify({ version, tree }, null, 2),
    };
  }
  if (format === 'pdf')
    return {
      contentType: 'application/pdf',
      filename: `${base}.pdf`,
      body: await pdf(version, tree),
    };
  const orgUnits = new Map((await listOrgUnits(ctx, true)).map((u) => [u.id, u.name]));
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${base}.xlsx`,
    body: await xlsx(version, rowsOf(tree, orgUnits)),
  };
}
