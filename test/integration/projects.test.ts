import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allocateProjects,
  type Location,
  type ProjectToAllocate,
} from '../../src/domain/allocation.ts';
import { csvPieces } from '../../src/domain/csvPieces.ts';
import { systemActor } from '../../src/domain/roles.ts';
import { buildApp } from '../../src/server/app.ts';
import { allocationByPlace, allocationRows } from '../../src/modules/projects/repo.ts';
import { importPnrrFile } from '../../src/modules/projects/import/importFile.ts';
import { localizzazioniRows } from '../../src/modules/projects/import/localizzazioni.ts';
import { progettiRows } from '../../src/modules/projects/import/progetti.ts';
import { indicatoriRows, pagamentiRows } from '../../src/modules/projects/import/releases.ts';
import { rowHashSql } from '../../src/modules/projects/import/rows.ts';
import { soggettiRows } from '../../src/modules/projects/import/soggetti.ts';
import { partialUpload, portOf } from '../support/partialUpload.ts';
import { asRole, browser, startTestApp, type Agent, type TestApp } from '../support/testApp.ts';

const bundled = (name: string) => readFileSync(`reference-data/pnrr/${name}`);
const files = {
  progetti: 'PNRR_Progetti_MI_validati_2023-02.csv',
  localizzazioni: 'PNRR_Localizzazione_MI_validati_2023-02.csv',
  soggetti: 'PNRR_Soggetti_MI_validati_2023-02.csv',
};

let t: TestApp;
let officer: Agent;
beforeAll(async () => {
  t = await startTestApp();
  officer = (await asRole(t, 'pnrr_officer')).agent;
});
afterAll(() => t.close());

async function upload(agent: Agent, body: Buffer | string, query = '') {
  return agent.request({
    method: 'POST',
    url: `/api/v1/imports${query}`,
    payload: body,
    headers: { 'content-type': 'text/csv' },
  });
}

/** The whole view of the project a CUP names, as its page reads it. */
async function projectByCup(cup: string) {
  const page = (await t.app.inject({ method: 'GET', url: `/api/v1/projects?q=${cup}` })).json();
  return (
    await t.app.inject({ method: 'GET', url: `/api/v1/projects/${page.items[0].id}` })
  ).json();
}

async function counts() {
  const projects = (
    await t.app.inject({ method: 'GET', url: '/api/v1/projects?pageSize=1' })
  ).json().total;
  return { projects };
}

describe('importing the real PNRR files of the province of Milan', () => {
  it('imports the localisations, the projects and the subjects, with a report for each', async () => {
    const locations = await importPnrrFile(t.ctx, systemActor, {
      fileName: files.localizzazioni,
      bytes: bundled(files.localizzazioni),
    });
    expect(locations).toMatchObject({
      kind: 'localizzazioni',
      rowsRead: 2123,
      rejected: 0,
      encoding: 'utf-8-bom',
    });
    expect(locations.created).toBeGreaterThan(2000);

    const projects = await importPnrrFile(t.ctx, systemActor, {
      fileName: files.progetti,
      bytes: bundled(files.progetti),
    });
    expect(projects).toMatchObject({ kind: 'progetti', rowsRead: 1942, releaseDate: '2023-02-24' });
    expect(projects.created + projects.rejected).toBe(1942);
    expect(projects.created).toBeGreaterThan(1900);

    const subjects = await importPnrrFile(t.ctx, systemActor, {
      fileName: files.soggetti,
      bytes: bundled(files.soggetti),
    });
    expect(subjects).toMatchObject({ kind: 'soggetti', rowsRead: 404 });
  });

  it('changes nothing when the same release is imported again', async () => {
    const before = await counts();
    const again = await importPnrrFile(t.ctx, systemActor, {
      fileName: files.progetti,
      bytes: bundled(files.progetti),
    });
    expect(again).toMatchObject({ created: 0, updated: 0, absent: { count: 0, keys: [] } });
    expect(again.unchanged).toBe(1942 - again.rejected);
    expect(await counts()).toEqual(before);
  });

  it('reads a file in pieces as it reads it whole (a national release is too large for one string)', async () => {
    const bytes = bundled(files.progetti);
    const whole = await importPnrrFile(t.ctx, systemActor, { fileName: files.progetti, bytes });
    // Pieces of 16 KiB: the file is cut about 70 times, some cuts past quoted multi-line fields.
    expect(csvPieces(bytes, 16 * 1024).count).toBeGreaterThan(50);
    const cut = await importPnrrFile(
      t.ctx,
      systemActor,
      { fileName: files.progetti, bytes },
      undefined,
      { pieceBytes: 16 * 1024 },
    );
    expect(cut).toMatchObject({
      rowsRead: 1942,
      created: 0,
      updated: 0,
      unchanged: whole.unchanged,
      rejected: whole.rejected,
      releaseDate: whole.releaseDate,
      encoding: whole.encoding,
    });
    expect(cut.rejectedRows).toEqual(whole.rejectedRows);
  });

  it('keeps the PNRR money of the release: about 1.73 billion euro', async () => {
    const { rows } = (await t.handle.db.execute<{ total: string }>(
      `select sum(funding_pnrr)::text as total from projects` as never,
    )) as unknown as { rows: { total: string }[] };
    expect(Number(rows[0]!.total)).toBeGreaterThan(1.7e9);
    expect(Number(rows[0]!.total)).toBeLessThan(1.76e9);
  });

  it('resolves the codes to the canonical PNRR measure and sub-measure', async () => {
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?measure=M1C1I1.2&pageSize=1' })
    ).json();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items[0]).toMatchObject({ measureCode: 'M1C1I1.2', mission: 'M1' });
  });

  it('shows a project with its funding by source, its comuni, its subjects and its release', async () => {
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?q=B11C22000950006' })
    ).json();
    expect(page.total).toBe(1);
    const project = (
      await t.app.inject({ method: 'GET', url: `/api/v1/projects/${page.items[0].id}` })
    ).json();
    expect(project).toMatchObject({
      cup: 'B11C22000950006',
      localCode: 'PRJ_120COM0722X_000706',
      implementer: 'COMUNE DI PREGNANA MILANESE',
      implementerTaxCode: '03890690153',
      comuni: [{ code: '015179', name: 'Pregnana Milanese' }],
    });
    expect(project.funding).toMatchObject({ pnrr: 121992, total: 121992, state: 0 });
    expect(project.release).toMatchObject({ fileName: files.progetti, releaseDate: '2023-02-24' });
    expect(project.release.sha256).toHaveLength(64);
  });

  it('lists each project with its own comuni only', async () => {
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?q=B11C22000950006' })
    ).json();
    expect(page.items[0]).toMatchObject({
      comuni: [{ code: '015179', name: 'Pregnana Milanese' }],
      locations: 1,
    });
  });

  it('finds the projects located in a comune', async () => {
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?comune=015179' })
    ).json();
    expect(page.total).toBeGreaterThan(0);
    expect(
      page.items.every((p: { comuni: { code: string }[] }) =>
        p.comuni.some((c) => c.code === '015179'),
      ),
    ).toBe(true);
  });
});

describe('a newer release', () => {
  /** The bundled projects with one amount changed: later tests read the figures it gives. */
  const newer = () =>
    readFileSync(`reference-data/pnrr/${files.progetti}`, 'utf8').replace(
      '121992,00;0,00;0,00;121992,00',
      '130000,00;0,00;0,00;130000,00',
    );

  it('updates what changed and says which fields', async () => {
    const text = newer();
    const report = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'PNRR_Progetti_2023-03.csv',
      bytes: Buffer.from(text),
    });
    expect(report.updated).toBe(1);
    expect(report.changes[0]).toMatchObject({
      key: expect.stringContaining('B11C22000950006'),
      fields: ['funding_pnrr', 'funding_total'],
    });
  });

  it('names the stored projects it no longer lists, and keeps them', async () => {
    const full = newer();
    const before = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'PNRR_Progetti_2023-03.csv',
      bytes: Buffer.from(full),
    });
    // The release's last record, one line: the newer file leaves it out.
    const lines = full.trimEnd().split('\n');
    expect(lines.at(-1)).toContain('J47H21008130001');
    const report = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'PNRR_Progetti_2023-04.csv',
      bytes: Buffer.from(lines.slice(0, -1).join('\n')),
    });
    expect(report.absent!.count).toBe(before.absent!.count + 1);
    expect(report.absent!.keys).toContainEqual(expect.stringMatching(/^J47H21008130001 /));
    expect(report.removed).toBe(0);
    expect((await projectByCup('J47H21008130001')).cup).toBe('J47H21008130001');
    // Listed again, it is no longer absent.
    const again = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'PNRR_Progetti_2023-05.csv',
      bytes: Buffer.from(full),
    });
    expect(again.absent!.count).toBe(before.absent!.count);
  });

  it('reads a windows-1252 file with changed headers, lower-case CUPs and Italian numbers', async () => {
    const csv = [
      'cup ;Codice locale progetto;Titolo Progetto;Finanziamento PNRR;Finanziamento totale;Data aggiornamento;Codice Univoco Submisura',
      'j51b21000000001;CLP-TEST-1;"Riqualificazione del municipio, piano ""terra""";114.000.000;" 600.000.000,00 ";15/03/2024;M1C1I1.02.00',
      'J51B21000000002;CLP-TEST-2;Città più verde;N/D;0;31/02/2024;M1C1I1.02.00',
      'BAD;CLP-TEST-3;Riga sbagliata;12a;;;',
      'J51B21000000004;CLP-TEST-4;N/D;1000;1000;15/03/2024;M1C1I1.02.00',
    ].join('\r\n');
    const bytes = Buffer.from(csv, 'latin1');
    const report = await importPnrrFile(t.ctx, systemActor, { fileName: 'vecchio.csv', bytes });
    expect(report).toMatchObject({
      encoding: 'windows-1252',
      rowsRead: 4,
      created: 1,
      rejected: 3,
    });
    expect(report.rejectedRows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(report.rejectedRows[0]!.reasons).toEqual([
      'Data aggiornamento "31/02/2024" is not a dd/mm/yyyy date',
    ]);
    expect(report.rejectedRows[1]!.reasons).toEqual([
      'CUP "BAD" is not 15 letters and digits',
      'Finanziamento PNRR "12a" is not an amount',
    ]);
    // A title the release does not give cannot name a project.
    expect(report.rejectedRows[2]!.reasons).toEqual(['Titolo progetto is empty']);
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?q=J51B21000000001' })
    ).json();
    expect(page.items[0]).toMatchObject({
      title: 'Riqualificazione del municipio, piano "terra"',
      fundingPnrr: 114000000,
      fundingTotal: 600000000,
    });
  });
});

describe('the national releases of 2026', () => {
  // The headers as Italia Domani publishes them since 2024 (extraction of 13/06/2026): singular
  // payment columns, a percentage of localisation, three-digit regions, project dates.
  const progetti = [
    'Programma;Missione;Descrizione Missione;Componente;Descrizione Componente;ID Misura;Codice Univoco Misura;Descrizione Misura;ID Submisura;Codice CID;Codice Univoco Submisura;Descrizione Submisura;Amministrazione Titolare;Codice Identificativo Procedura di Attivazione;Titolo Procedura;Tipologia Procedura di Attivazione;CUP;Codice Locale Progetto;Stato CUP;Stato Avanzamento Progetto;CUP Codice Natura;CUP Descrizione Natura;CUP Codice Tipologia;CUP Descrizione Tipologia;CUP Codice Settore;CUP Descrizione Settore;CUP Codice Sottosettore;CUP Descrizione Sottosettore;CUP Codice Categoria;CUP Descrizione Categoria;Titolo Progetto;Sintesi Progetto;Descrizione Tipo Aiuto;Finanziamento - Stato;Finanziamento Stato - Bilancio;Finanziamento Stato - FOI;Finanziamento Prosecuzione Opere Pubbliche - FPOP;Finanziamento UE (Diverso da PNRR);Finanziamento Regione;Finanziamento Provincia;Finanziamento Comune;Finanziamento Altro Pubblico;Finanziamento Privato;Finanziamento da Reperire;Finanziamento PNRR;Finanziamento PNC;Altri Fondi;Finanziamento Totale;Finanziamento Totale Pubblico;Finanziamento Totale Pubblico Netto;Soggetto Attuatore;Codice Fiscale Soggetto Attuatore;Flag Progetti in Essere;Data Inizio Progetto Prevista;Data Inizio Progetto Effettiva;Data Fine Progetto Prevista;Data Fine Progetto Effettiva;Data di Estrazione;Data Ultima Validazione;Esito Ultima Validazione;Codice Fase Iter di Progetto;Descrizione Fase Iter di Progetto;Stato Fase Iter di Progetto',
  ];
  const project = (cup: string, start: string) => {
    const row = Array<string>(63).fill('');
    Object.assign(row, {
      0: 'PNRR',
      1: 'M4',
      3: 'M4C1',
      10: 'M4C1I1.1',
      16: cup,
      17: `CLP-${cup}`,
      18: 'ATTIVO',
      19: 'In corso',
      30: 'Asilo nido di via Padova',
      44: '2738869,5',
      47: '2738869,5',
      50: 'COMUNE DI MILANO',
      51: '01199250158',
      53: start,
      55: '30/06/2026',
      57: '13/06/2026',
      58: '10/05/2026',
    });
    return row.join(';');
  };
  const localizzazioni = [
    'Codice Univoco Submisura;Descrizione Submisura;CUP;Codice Locale Progetto;Regione;Descrizione Regione;Provincia;Descrizione Provincia;Comune;Descrizione Comune;Indirizzo;CAP;Percentuale di Localizzazione;Data di Estrazione',
    'M4C1I1.1;Asili;J99B26000000001;CLP-J99B26000000001;003;LOMBARDIA;015;MILANO;146;MILANO;Via Padova 1;20127;50,00;13/06/2026',
    'M4C1I1.1;Asili;J99B26000000001;CLP-J99B26000000001;003;LOMBARDIA;015;MILANO;077;CORSICO;;;50,00;13/06/2026',
    'M4C1I1.1;Asili;J99B26000000002;CLP-J99B26000000002;003;LOMBARDIA;015;MILANO;146;MILANO;;;0,50;13/06/2026',
  ];
  const pagamenti = [
    'Codice Univoco Submisura;Descrizione Submisura;CUP;Codice Locale Progetto;Finanziamento Totale;Finanziamento PNRR;Pagamento Totale;Pagamento PNRR;Pagamento - Stato;Pagamento Stato - Bilancio;Pagamento Stato - FOI;Pagamento Prosecuzione Opere Pubbliche - FPOP;Pagamento UE (Diverso da PNRR);Pagamento Regione;Pagamento Provincia;Pagamento Comune;Pagamento Altro Pubblico;Pagamento Privato;Pagamento da Reperire;Pagamento PNC;Pagamento Altri Fondi;Data di Estrazione',
    'M4C1I1.1;Asili;J99B26000000001;CLP-J99B26000000001;2738869,5;2738869,5;1395000;1234567,89;0;0;0;0;0;0;0;0;0;0;0;0;0;13/06/2026',
  ];
  const importText = (fileName: string, lines: string[]) =>
    importPnrrFile(t.ctx, systemActor, {
      fileName,
      bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`),
    });

  it('reads the places, with their percentage as a share and the region with two digits', async () => {
    const report = await importText('PNRR_Localizzazione.csv', localizzazioni);
    expect(report).toMatchObject({ kind: 'localizzazioni', created: 3, rejected: 0 });
    expect(report.releaseDate).toBe('2026-06-13');
    const { rows } = (await t.handle.db.execute(
      `SELECT cup, comune_code, region_code, share::text AS share FROM project_locations
       WHERE cup LIKE 'J99B26%' ORDER BY cup, comune_code` as never,
    )) as unknown as {
      rows: { cup: string; comune_code: string; region_code: string; share: string }[];
    };
    expect(rows).toEqual([
      { cup: 'J99B26000000001', comune_code: '015077', region_code: '03', share: '0.500000' },
      { cup: 'J99B26000000001', comune_code: '015146', region_code: '03', share: '0.500000' },
      // 0,50 is half of one per cent, not a half.
      { cup: 'J99B26000000002', comune_code: '015146', region_code: '03', share: '0.005000' },
    ]);
  });

  it('reads the projects with their progress, their dates and amounts without thousands dots', async () => {
    const report = await importText('PNRR_Progetti.csv', [
      ...progetti,
      project('J99B26000000001', '01/09/2024'),
      project('J99B26000000002', '31/09/2024'),
    ]);
    expect(report).toMatchObject({ kind: 'progetti', created: 1, rejected: 1 });
    // The extraction is the release's date, not the validation of its latest project.
    expect(report.releaseDate).toBe('2026-06-13');
    expect(report.rejectedRows[0]!.reasons).toEqual([
      'Data Inizio Progetto Prevista "31/09/2024" is not a dd/mm/yyyy date',
    ]);
    const view = await projectByCup('J99B26000000001');
    expect(view).toMatchObject({
      cupStatus: 'ATTIVO',
      progress: 'In corso',
      startPlanned: '2024-09-01',
      startActual: null,
      endPlanned: '2026-06-30',
      endActual: null,
      sourceUpdatedAt: '2026-05-10',
      fundingPnrr: 2738869.5,
    });
    const again = await importText('PNRR_Progetti.csv', [
      ...progetti,
      project('J99B26000000001', '01/09/2024'),
    ]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('reads the payments with a decimal comma, as the official file writes them', async () => {
    const report = await importText('PNRR_Pagamenti_di_Progetto.csv', pagamenti);
    expect(report).toMatchObject({ kind: 'pagamenti', created: 1, rejected: 0 });
    const view = await projectByCup('J99B26000000001');
    expect(view.payments).toMatchObject({
      paidTotal: 1395000,
      paidPnrr: 1234567.89,
      fundingTotal: 2738869.5,
      extractedOn: '2026-06-13',
    });
  });
});

describe('rows that are wrong in a file that is right', () => {
  it('rejects an amount too large for the column, and the earlier of two rows with one key', async () => {
    const csv = [
      'CUP;Codice Locale Progetto;Titolo progetto;Finanziamento PNRR',
      'J51B21000000101;CLP-DUP;Prima versione;1000',
      'J51B21000000102;CLP-BIG;Troppo grande;100.000.000.000.000',
      'J51B21000000101;CLP-DUP;Seconda versione;2000',
    ].join('\n');
    const report = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'righe.csv',
      bytes: Buffer.from(csv),
    });
    expect(report).toMatchObject({ rowsRead: 3, created: 1, rejected: 2 });
    expect(report.rejectedRows).toEqual([
      {
        row: 1,
        reasons: [
          'same CUP, Codice Locale Progetto and sub-measure as row 3, which replaces this one',
        ],
        problems: [{ code: 'replaced', row: 3 }],
      },
      {
        row: 2,
        reasons: ['Finanziamento PNRR "100.000.000.000.000" is too large'],
        problems: [
          { code: 'tooLarge', column: 'Finanziamento PNRR', value: '100.000.000.000.000' },
        ],
      },
    ]);
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?q=J51B21000000101' })
    ).json();
    expect(page.items[0]).toMatchObject({ title: 'Seconda versione', fundingPnrr: 2000 });
  });

  it('rejects a place without a comune code instead of keeping it nowhere', async () => {
    const csv = [
      'CUP;Codice Locale Progetto;Codice Regione;Codice Provincia;Codice Comune',
      'J51B21000000103;CLP-LOC;03;015;146',
      'J51B21000000103;CLP-LOC;03;015;',
    ].join('\n');
    const report = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'luoghi.csv',
      bytes: Buffer.from(csv),
    });
    expect(report).toMatchObject({ kind: 'localizzazioni', created: 1, rejected: 1 });
    expect(report.rejectedRows[0]).toEqual({
      row: 2,
      reasons: ['Codice Comune "" is not a municipality code'],
      problems: [{ code: 'comune', column: 'Codice Comune', value: '' }],
    });
  });
});

describe('files that cannot be read', () => {
  // The Milan projects saved as a spreadsheet, as a user may download or re-save a release.
  let spreadsheet: Buffer;
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('PNRR_Progetti');
    for (const line of bundled(files.progetti).toString('utf8').split('\n').slice(0, 50))
      sheet.addRow(line.split(';'));
    spreadsheet = Buffer.from(await book.xlsx.writeBuffer());
  });
  const spreadsheetOfRelease = () => spreadsheet;

  // What is refused, the English message, and the code (with params) the upload page translates.
  const refusals: [string, Buffer | string | (() => Buffer), string, object][] = [
    [
      'binary junk',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0]),
      'not text',
      { code: 'fileBinary' },
    ],
    [
      'a spreadsheet saved from the release',
      spreadsheetOfRelease,
      'a spreadsheet (XLSX)',
      { code: 'fileSpreadsheet', params: { format: 'XLSX' } },
    ],
    [
      'a zip archive of releases',
      Buffer.from([
        0x50,
        0x4b,
        0x03,
        0x04,
        0x14,
        0,
        0,
        0,
        8,
        0,
        ...Buffer.from('PNRR_Progetti.csv'),
      ]),
      'a compressed archive (ZIP)',
      { code: 'fileArchive', params: { format: 'ZIP' } },
    ],
    [
      'a header with no known columns',
      'nome;cognome;età\nMario;Rossi;40\n',
      'none of the columns',
      { code: 'fileNoKnownColumns', params: { found: 'nome; cognome; età' } },
    ],
    [
      // A real table of the PNRR, but of its missions, not of projects.
      'a table of the PNRR that is not a release of projects',
      readFileSync('reference-data/pnrr/pnrr_missioni.csv'),
      'not a release of PNRR projects',
      {
        code: 'fileNotProjects',
        params: {
          found:
            'missione; descrizione_missione; importo_totale_eur; n_misure; n_investimenti; n_riforme',
        },
      },
    ],
    [
      'a release that lacks a column its kind needs',
      'CUP;Codice Locale Progetto;Missione\nJ51B21000000009;X;M1\n',
      'lacks the columns',
      { code: 'fileMissingColumns', params: { kind: 'progetti', columns: 'Titolo progetto' } },
    ],
    [
      'a wrong separator',
      'CUP|Codice Locale Progetto|Titolo progetto\nJ51B21000000009|X|Y\n',
      'separator',
      { code: 'fileNoSeparator' },
    ],
    [
      'a truncated row',
      'CUP;Codice Locale Progetto;Titolo progetto\nJ51B21000000009;X;"Titolo non chiuso\n',
      'cannot be read',
      { code: 'fileUnclosedQuote', params: { record: 1, separator: 'semicolon' } },
    ],
    [
      'a row with too many fields',
      'CUP;Codice Locale Progetto;Titolo progetto\nJ51B21000000009;X;Y;Z;W\n',
      'cannot be read',
      {
        code: 'fileFieldCount',
        params: { record: 1, fields: 5, width: 3, misfits: 1, records: 1, separator: 'semicolon' },
      },
    ],
    ['an empty file', '', 'empty', { code: 'fileEmpty' }],
    ['a byte order mark and nothing else', '\uFEFF', 'empty', { code: 'fileEmpty' }],
    ['blank lines only', '\n  \r\n\n', 'empty', { code: 'fileEmpty' }],
    [
      'lines ended by a carriage return alone',
      'CUP;Codice Locale Progetto;Titolo progetto\rJ51B21000000009;X;Titolo\rJ51B21000000010;Y;Titolo\r',
      'carriage return alone',
      { code: 'fileLineEnds' },
    ],
    [
      'a header without rows',
      '\uFEFFCUP;Codice Locale Progetto;Titolo progetto\r\n\r\n',
      'no rows',
      { code: 'fileNoRows' },
    ],
    [
      'a NUL byte past the part sniffed for binary content',
      'CUP;Codice Locale Progetto;Titolo progetto\n' +
        'J51B21000000009;X;Titolo\n'.repeat(4000) +
        'J51B21000000010;Y;Tito\u0000lo\n',
      'binary data',
      { code: 'fileNulByte', params: { line: 4002 } },
    ],
  ];
  for (const [what, sent, message, code] of refusals) {
    it(`refuses ${what} whole, with a clear message, and writes nothing`, async () => {
      const body = typeof sent === 'function' ? sent() : sent;
      const before = await counts();
      const releasesBefore = (
        await officer.request({ method: 'GET', url: '/api/v1/imports' })
      ).json().total;
      const res = await upload(officer, body);
      expect(res.statusCode).toBe(422);
      expect(res.json().violations[0]).toEqual({
        field: 'file',
        reason: expect.stringContaining(message),
        ...code,
      });
      expect(res.json().detail).toContain(message);
      expect(await counts()).toEqual(before);
      expect((await officer.request({ method: 'GET', url: '/api/v1/imports' })).json().total).toBe(
        releasesBefore,
      );
    });
  }

  const thousandsOfGood = () => {
    const lines = ['CUP;Codice Locale Progetto;Titolo progetto'];
    for (let i = 0; i < 20_000; i++)
      lines.push(`J51B3${String(i).padStart(10, '0')};L-${i};Progetto ${i}`);
    return lines;
  };

  it('sets aside a record that does not fit the header among thousands of good ones, as the real releases need', async () => {
    const lines = thousandsOfGood();
    // A separator in unquoted text: one way a record comes not to fit its header.
    lines.splice(5001, 0, 'J51B39999999999;L-X;Titolo; con un punto e virgola');
    const res = await upload(officer, lines.join('\n'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rowsRead: 20_001, created: 20_000, rejected: 1 });
    expect(res.json().rejectedRows).toEqual([
      {
        row: 5001,
        reasons: ['the row has 4 fields, the header has 3'],
        problems: [{ code: 'fieldCount', fields: 4, width: 3 }],
      },
    ]);
    const search = async (q: string) =>
      (await officer.request({ method: 'GET', url: `/api/v1/projects?q=${q}` })).json().total;
    expect(await search('J51B39999999999')).toBe(0);
    expect(await search('J51B30000005000')).toBe(1);
  });

  it('refuses whole a file where more than one record in a hundred does not fit, after thousands of good ones', async () => {
    const before = await counts();
    const lines = thousandsOfGood();
    for (let i = 0; i < 250; i++)
      lines.push(`J51B48${String(i).padStart(9, '0')};L-X;Titolo;in più`);
    const res = await upload(officer, lines.join('\n'));
    expect(res.statusCode).toBe(422);
    expect(res.json().violations[0]).toMatchObject({
      code: 'fileFieldCount',
      params: { record: 20_001, fields: 4, width: 3, misfits: 250, records: 20_250 },
    });
    expect(res.json().detail).toContain('record 20001 has 4 fields, the header has 3');
    expect(await counts()).toEqual(before);
    // The connection that ran the cancelled COPY still works.
    expect((await upload(officer, lines.slice(0, 3).join('\n'))).statusCode).toBe(201);
  });

  it('refuses a file whose records all lack a field the header names, at the first thousand', async () => {
    const before = await counts();
    // A header ending with a separator names a column more than any row has.
    const lines = ['CUP;Codice Locale Progetto;Titolo progetto;'];
    for (let i = 0; i < 30_000; i++)
      lines.push(`J51B4${String(i).padStart(10, '0')};L-${i};Progetto ${i}`);
    const res = await upload(officer, lines.join('\n'));
    expect(res.statusCode).toBe(422);
    // Not "cut short": the records do not fit throughout, and the reading stops early.
    expect(res.json().violations[0]).toMatchObject({
      code: 'fileFieldCount',
      params: { record: 1, fields: 3, width: 4, misfits: 1000, records: 1000 },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses whole a file whose last record is cut short, after thousands of good ones', async () => {
    const before = await counts();
    const lines = thousandsOfGood();
    lines.push('J51B39999999998;L-Y');
    const res = await upload(officer, lines.join('\n'));
    expect(res.statusCode).toBe(422);
    expect(res.json().violations[0]).toMatchObject({
      code: 'fileTruncated',
      params: { record: 20_001, fields: 2, width: 3 },
    });
    expect(res.json().detail).toContain('cut short');
    expect(await counts()).toEqual(before);
  });

  it('refuses 50 MB of garbage quickly and whole', async () => {
    const garbage = Buffer.alloc(50 * 1024 * 1024, 'x;y;z garbage line\n');
    const res = await upload(officer, garbage);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('none of the columns');
  });
});

describe('who may import', () => {
  it('lets the PNRR unit upload a file through the API and read the report', async () => {
    const csv =
      'CUP;Codice Locale Progetto;Titolo progetto\nJ51B21000000077;CLP-API;Progetto caricato\nX;CLP-API;Riga\n';
    const res = await upload(officer, csv, '?fileName=caricamento.csv');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ file: 'caricamento.csv', kind: 'progetti', created: 1 });
    // The reasons come as data too, for a page in another language.
    expect(res.json().rejectedRows).toEqual([
      {
        row: 2,
        reasons: ['CUP "X" is not 15 letters and digits'],
        problems: [{ code: 'cup', value: 'X' }],
      },
    ]);
    const list = (await officer.request({ method: 'GET', url: '/api/v1/imports' })).json();
    expect(list.items[0].fileName).toBe('caricamento.csv');
  });

  it('refuses an editor with 403 and the public with 401', async () => {
    const { agent } = await asRole(t, 'editor', { orgUnitIds: [await orgUnit()] });
    expect((await upload(agent, 'CUP;Codice Locale Progetto;Titolo progetto\n')).statusCode).toBe(
      403,
    );
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/imports' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('uploads over a real connection', () => {
  let narrow: Awaited<ReturnType<typeof buildApp>>;
  let port: number;
  beforeAll(async () => {
    // One upload imported, one waiting: the third at once is refused.
    narrow = await buildApp({
      db: t.ctx.db,
      config: { sessionTtlHours: 12, trustProxy: false, webRoot: '/nonexistent-web-root' },
      importsWaiting: 1,
    });
    port = await portOf(narrow);
  });
  afterAll(() => narrow.close());

  const startUpload = (
    agent: Agent,
    length: number,
    first: string | Buffer,
    progress = '',
    query = '',
  ) =>
    partialUpload({
      port,
      method: 'POST',
      path: `/api/v1/imports?fileName=lenta.csv${progress && `&progress=${progress}`}${query}`,
      contentType: 'text/csv',
      agent,
      length,
      first,
    });

  const health = async () =>
    (await narrow.inject({ method: 'GET', url: '/api/v1/health' })).json().turns.imports;

  const cookieOf = (agent: Agent) =>
    Object.entries(agent.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  /** GET /imports/progress/{id}, as `agent`. */
  const progress = (agent: Agent, id: string) =>
    narrow.inject({
      method: 'GET',
      url: `/api/v1/imports/progress/${id}`,
      headers: { cookie: cookieOf(agent) },
    });

  /** Asks again until `test` holds, for thirty seconds at most. */
  async function until(test: () => Promise<boolean>) {
    for (let tries = 0; !(await test()); tries++) {
      if (tries === 1500) throw new Error('the server never came to the state waited for');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('tells the public and an editor no before reading the file they announce', async () => {
    const { agent: editor } = await asRole(t, 'editor', { orgUnitIds: [await orgUnit()] });
    for (const [agent, status] of [
      [await browser(t), 401],
      [editor, 403],
    ] as const) {
      // 500 MB announced, 1 KB sent: the answer comes while the rest is still owed.
      const upload = startUpload(agent, 500 * 2 ** 20, Buffer.alloc(1024, 'a'));
      const answer = await upload.answer;
      upload.hangUp();
      expect(answer.status).toBe(status);
      // Refused for who they are, not for a missing CSRF token.
      expect(JSON.parse(answer.body).detail).toMatch(/log in|PNRR unit and the plan office/);
    }
    expect(await health()).toEqual({ running: 0, waiting: 0 });
  });

  it('receives one upload at a time, keeps one waiting and refuses the next with when to retry', async () => {
    const csv = Buffer.from(
      'CUP;Codice Locale Progetto;Titolo progetto\nJ51B21000000088;CLP-LENTO;Progetto caricato piano\n',
    );
    const slow = startUpload(officer, csv.length, csv.subarray(0, 10), 'first-upload');
    await until(async () => (await health()).running === 1);
    expect((await progress(officer, 'first-upload')).json()).toEqual({
      stage: 'receiving',
      fraction: 0,
    });
    const waiting = startUpload(officer, csv.length, csv, 'second-upload');
    await until(async () => (await health()).waiting === 1);
    expect((await progress(officer, 'second-upload')).json()).toEqual({
      stage: 'waiting',
      fraction: 0,
    });
    const refused = await startUpload(officer, csv.length, csv).answer;
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(JSON.parse(refused.body).detail).toContain('Imports are busy');

    slow.finish(csv.subarray(10));
    expect((await slow.answer).status).toBe(201);
    const second = await waiting.answer;
    expect(second.status).toBe(201);
    expect(JSON.parse(second.body)).toMatchObject({ created: 0, unchanged: 1 });
    expect(await health()).toEqual({ running: 0, waiting: 0 });
    // The last state stays for the page's last look; only for the one who uploaded.
    expect((await progress(officer, 'second-upload')).json()).toEqual({
      stage: 'done',
      fraction: 1,
    });
    const { agent: colleague } = await asRole(t, 'pnrr_officer');
    expect((await progress(colleague, 'second-upload')).statusCode).toBe(404);
    expect((await progress(await browser(t), 'second-upload')).statusCode).toBe(401);
    const bad = await progress(officer, 'x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().violations[0].field).toBe('params.id');
  });

  it('refuses an upload whose progress id is not one, naming the parameter', async () => {
    const csv = 'CUP;Codice Locale Progetto;Titolo progetto\n';
    const answer = await startUpload(officer, csv.length, csv, 'no%20spaces').answer;
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).violations[0].field).toBe('querystring.progress');
    expect(await health()).toEqual({ running: 0, waiting: 0 });
  });

  /** 60,000 projects of a file large enough to watch its import; the tests remove them after. */
  const followedRelease = (title: string) => {
    const lines = ['CUP;Codice Locale Progetto;Titolo progetto'];
    for (let i = 0; i < 60_000; i++)
      lines.push(`J51B5${String(i).padStart(10, '0')};L-${i};${title} ${i}`);
    return Buffer.from(lines.join('\n'));
  };
  // The exports' tests export every project: these would make them slow.
  const forgetFollowed = () => t.ctx.db.execute(sql`DELETE FROM projects WHERE cup LIKE 'J51B5%'`);

  it('tells the uploader how far the import is while it runs, whatever holds the database', async () => {
    const csv = followedRelease('Progetto seguito');
    const upload = startUpload(officer, csv.length, csv, 'followed-upload');
    let answered = false;
    void upload.answer.then(() => (answered = true));
    const seen = new Set<string>();
    while (!answered) {
      const look = await progress(officer, 'followed-upload');
      if (look.statusCode === 200 && !answered) seen.add(look.json().stage);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await upload.answer).status).toBe(201);
    // Stages of the import itself were seen before its answer, not only its end: on PGlite,
    // which runs one transaction at a time, a session read from the database would have waited.
    expect(
      [...seen].filter((stage) => ['checking', 'reading', 'comparing'].includes(stage)),
    ).not.toEqual([]);
    await forgetFollowed();
  }, 60_000);

  it('answers while it reads a long run of rows it does not keep, then refuses the file cut short', async () => {
    // The Milan locations over and over: after the first pass every row repeats one before.
    const [header, ...rows] = readFileSync(
      'reference-data/pnrr/PNRR_Localizzazione_MI_validati_2023-02.csv',
      'utf8',
    )
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    const lines = [header!];
    while (lines.length <= 300_000) lines.push(...rows);
    lines.push('J51B21000000009;CLP-TRONCATO');
    const csv = Buffer.from(lines.join('\n'));
    const upload = startUpload(officer, csv.length, csv, 'repeated-upload');
    let answered = false;
    void upload.answer.then(() => (answered = true));
    const fractions = new Set<number>();
    while (!answered) {
      // Over the connection, as the page asks while its upload runs.
      const look = await fetch(`http://127.0.0.1:${port}/api/v1/imports/progress/repeated-upload`, {
        headers: { cookie: cookieOf(officer) },
      });
      const said = look.status === 200 ? await look.json() : null;
      if (said?.stage === 'reading' && !answered) fractions.add(said.fraction);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answer = await upload.answer;
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.body).violations[0].code).toBe('fileTruncated');
    // Several looks while the rows were read, each further on: the reading gave the server turns.
    expect(fractions.size).toBeGreaterThan(1);
  }, 60_000);

  it('holds the turn until the import ends, even when the client hangs up during it', async () => {
    const csv = followedRelease('Progetto abbandonato');
    const upload = startUpload(officer, csv.length, csv, 'abandoned-upload');
    upload.answer.catch(() => undefined);
    const stage = async () => {
      const look = await progress(officer, 'abandoned-upload');
      return look.statusCode === 200 ? (look.json().stage as string) : null;
    };
    // While the rows are read, the server takes turns (on PGlite too), and much is left to do.
    await until(async () => (await stage()) === 'reading');
    upload.hangUp();
    // The import goes on, and keeps its turn: a second upload would wait for it.
    expect((await health()).running).toBe(1);
    await until(async () => (await stage()) === 'done');
    await until(async () => (await health()).running === 0);
    const found = await officer.request({
      method: 'GET',
      url: '/api/v1/projects?q=J51B50000059999',
    });
    expect(found.json().items.map((p: { title: string }) => p.title)).toEqual([
      'Progetto abbandonato 59999',
    ]);
    await forgetFollowed();
  }, 60_000);

  it('drops an upload that holds the turn and stops sending, and serves the next', async () => {
    const hasty = await buildApp({
      db: t.ctx.db,
      config: { sessionTtlHours: 12, trustProxy: false, webRoot: '/nonexistent-web-root' },
      uploadIdleMs: 300,
    });
    try {
      const hastyPort = await portOf(hasty);
      const upload = (length: number, first: string | Buffer) =>
        partialUpload({
          port: hastyPort,
          method: 'POST',
          path: '/api/v1/imports?fileName=ferma.csv',
          contentType: 'text/csv',
          agent: officer,
          length,
          first,
        });
      const imports = async () =>
        (await hasty.inject({ method: 'GET', url: '/api/v1/health' })).json().turns.imports;
      const csv = Buffer.from(
        'CUP;Codice Locale Progetto;Titolo progetto\nJ51B59999999998;FERMA;Progetto fermo\n',
      );
      const stalled = upload(csv.length, csv.subarray(0, 10));
      await until(async () => (await imports()).running === 1);
      // Nothing more comes: after the idle time the connection is closed and the turn given back.
      await expect(stalled.answer).rejects.toThrow();
      await until(async () => (await imports()).running === 0);
      expect((await upload(csv.length, csv).answer).status).toBe(201);
    } finally {
      await hasty.close();
      await forgetFollowed();
    }
  });

  it('tells a mistyped parameter before the file is received', async () => {
    const upload = startUpload(officer, 500 * 2 ** 20, 'CUP;', '', '&scope=everything');
    const answer = await upload.answer;
    upload.hangUp();
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).violations[0].field).toBe('querystring.scope');
  });

  it('lets an upload whose client hung up leave the line', async () => {
    const csv = Buffer.from('CUP;Codice Locale Progetto;Titolo progetto\n');
    const slow = startUpload(officer, csv.length, csv.subarray(0, 10));
    await until(async () => (await health()).running === 1);
    const leaving = startUpload(officer, csv.length, csv);
    await until(async () => (await health()).waiting === 1);
    leaving.hangUp();
    await leaving.answer.catch(() => undefined);
    await until(async () => (await health()).waiting === 0);
    slow.hangUp();
    await slow.answer.catch(() => undefined);
    await until(async () => (await health()).running === 0);
  });
});

let units = 0;
async function orgUnit(): Promise<string> {
  const { createOrgUnit } = await import('../../src/modules/organisation/service.ts');
  return (await createOrgUnit(t.ctx, systemActor, { kind: 'settore', name: `Settore ${++units}` }))
    .id;
}

describe('PNRR money on the territory', () => {
  it('splits each project among its comuni, so the comuni add up to what is located in them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analytics/pnrr' });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.comuni).toHaveLength(133);
    const sum = a.comuni.reduce((s: number, c: { eur: number }) => s + c.eur, 0);
    expect(sum).toBeCloseTo(a.totals.allocatedEur, 0);
    // Never counted in full for each comune: the total cannot exceed the PNRR money imported.
    expect(a.totals.allocatedEur + a.totals.outsideEur).toBeLessThan(1.8e9);
    expect(a.totals.comuniWithProjects).toBeGreaterThan(100);
    const milano = a.comuni.find((c: { istatCode: string }) => c.istatCode === '015146');
    expect(milano.perResident).toBeCloseTo(milano.eur / 1412107, 2);
    expect(a.zones).toHaveLength(8);
    expect(a.concentration.gini).toBeGreaterThan(0);
    expect(a.concentration.gini).toBeLessThan(1);
    expect(a.concentration.lorenz.at(-1)).toEqual({ population: 1, amount: 1 });
    expect(a.sources.map((s: { kind: string }) => s.kind)).toEqual(
      expect.arrayContaining(['progetti', 'localizzazioni']),
    );
  });

  it.each([
    [{}, 'pnrr', 100],
    [{ mission: 'M4' }, 'total', 10],
  ] as const)(
    'splits in SQL exactly as the rule of domain/allocation.ts does, to the cent (%j, %s, %i places)',
    async (filter, amount, places) => {
      const rows = await allocationRows(t.ctx.db, filter, amount);
      const byProject = new Map<string, ProjectToAllocate & { locations: Location[] }>();
      for (const r of [...rows].sort((a, b) => a.key.localeCompare(b.key))) {
        const p = byProject.get(r.projectId) ?? {
          id: r.projectId,
          amount: r.amount,
          locations: [],
        };
        p.locations.push({ key: r.key, share: r.share });
        byProject.set(r.projectId, p);
      }
      const expected = allocateProjects([...byProject.values()]);
      const actual = await allocationByPlace(t.ctx.db, filter, amount);
      expect(actual.length).toBe(expected.size);
      expect(actual.length).toBeGreaterThan(places);
      for (const place of actual) {
        const reference = expected.get(place.place)!;
        expect(Math.round(reference.amount * 100), place.place).toBe(place.cents);
        expect(place.projects).toBeCloseTo(reference.projects, 9);
      }
    },
  );

  it('filters by mission', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/pnrr' })).json();
    const m4 = (
      await t.app.inject({ method: 'GET', url: '/api/v1/analytics/pnrr?mission=M4' })
    ).json();
    expect(m4.totals.allocatedEur).toBeGreaterThan(0);
    expect(m4.totals.allocatedEur).toBeLessThan(all.totals.allocatedEur);
  });

  it('answers again from its cache until a new import changes the projects', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/analytics/pnrr?mission=M6' });
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/analytics/pnrr?mission=M6',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('linking projects to the plan', () => {
  async function adoptedVersion() {
    const plan = (
      await t.app.inject({ method: 'GET', url: '/api/v1/plans/psttm-2022-2024' })
    ).json();
    return plan.versions.find((v: { status: string }) => v.status === 'adopted').id as string;
  }

  it('suggests projects for the actions, by measure, mission, implementer and words', async () => {
    const versionId = await adoptedVersion();
    const res = await officer.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${versionId}/link-suggestions`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().suggested).toBeGreaterThan(0);
    const actions = (
      await t.app.inject({ method: 'GET', url: `/api/v1/plan-versions/${versionId}/tree` })
    )
      .json()
      .sections.flatMap((s: { goals: { actions: object[] }[] }) =>
        s.goals.flatMap((g) => g.actions),
      );
    const suggestedFor = async (title: string) => {
      const action = actions.find((a: { title: string }) => a.title.startsWith(title));
      return (
        await officer.request({
          method: 'GET',
          url: `/api/v1/project-links?actionKey=${action.key}&status=suggested`,
        })
      ).json() as { total: number; items: { reasons: string[] }[] };
    };
    // The inclusion programme shares its mission and the words of its topic with projects.
    const inclusion = await suggestedFor('COME IN');
    expect(inclusion.total).toBeGreaterThan(0);
    expect(inclusion.items.map((l) => l.reasons)).toContainEqual([
      'mission',
      'words:2:inclusione,servizi',
    ]);
    // The seeded school action names measure M4C1I3.3, which no Milan project of this release
    // has; the words it shared with them were "progetti", "Milano", "città": no topic, no link.
    expect((await suggestedFor('Edilizia scolastica')).total).toBe(0);
  });

  it('counts the funding of accepted links in the coverage matrix, and shows what is unlinked', async () => {
    const versionId = await adoptedVersion();
    const before = (
      await t.app.inject({ method: 'GET', url: '/api/v1/project-links/coverage' })
    ).json();
    const suggestion = (
      await officer.request({
        method: 'GET',
        url: '/api/v1/project-links?status=suggested&pageSize=1',
      })
    ).json().items[0];
    const res = await officer.request({
      method: 'PUT',
      url: `/api/v1/projects/${suggestion.projectId}/links/${suggestion.actionKey}`,
      payload: { versionId, status: 'accepted' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('accepted');
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/v1/project-links/coverage' })
    ).json();
    expect(after.linkedProjects).toBe(before.linkedProjects + 1);
    expect(after.unlinkedEur).toBeLessThan(before.unlinkedEur);
    const matrix = (
      await t.app.inject({ method: 'GET', url: `/api/v1/plan-versions/${versionId}/matrix` })
    ).json();
    const funded = matrix.cells.filter((c: { fundingEur: number }) => c.fundingEur > 0);
    expect(funded.length).toBeGreaterThan(0);
    // A newer figure for the project (as a release brings) is in the next answer, not a cached one.
    const total = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/plan-versions/${versionId}/matrix` }))
        .json()
        .cells.reduce(
          (sum: number, c: { fundingEur: number | null }) => sum + (c.fundingEur ?? 0),
          0,
        );
    const was = await total();
    const raise = (eur: number) =>
      t.handle.db.execute(
        sql`UPDATE projects SET funding_total = funding_total + ${eur}, updated_at = now()
            WHERE id = ${suggestion.projectId}`,
      );
    await raise(1_000_000);
    try {
      expect(await total()).toBeGreaterThan(was);
    } finally {
      await raise(-1_000_000); // as the release has it (its hash is checked below)
    }
  });

  it('keeps a rejection when the suggestions run again', async () => {
    const versionId = await adoptedVersion();
    const suggestion = (
      await officer.request({
        method: 'GET',
        url: '/api/v1/project-links?status=suggested&pageSize=1',
      })
    ).json().items[0];
    await officer.request({
      method: 'PUT',
      url: `/api/v1/projects/${suggestion.projectId}/links/${suggestion.actionKey}`,
      payload: { versionId, status: 'rejected' },
    });
    await officer.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${versionId}/link-suggestions`,
    });
    const links = (
      await officer.request({
        method: 'GET',
        url: `/api/v1/project-links?projectId=${suggestion.projectId}`,
      })
    ).json();
    expect(
      links.items.find((l: { actionKey: string }) => l.actionKey === suggestion.actionKey).status,
    ).toBe('rejected');
  });

  it('does not let an editor decide links of actions outside their org units', async () => {
    const versionId = await adoptedVersion();
    const suggestion = (
      await officer.request({
        method: 'GET',
        url: '/api/v1/project-links?status=suggested&pageSize=1',
      })
    ).json().items[0];
    const { agent } = await asRole(t, 'editor', { orgUnitIds: [await orgUnit()] });
    const res = await agent.request({
      method: 'PUT',
      url: `/api/v1/projects/${suggestion.projectId}/links/${suggestion.actionKey}`,
      payload: { versionId, status: 'accepted' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('matching by PNRR measure', () => {
  it('suggests the projects of the measure an action names, scored highest', async () => {
    const { createPlan } = await import('../../src/modules/plan/versions.ts');
    const { createItem } = await import('../../src/modules/plan/items.ts');
    const plan = await createPlan(t.ctx, systemActor, {
      slug: 'piano-misure',
      title: 'Piano di prova',
      periodStart: 2026,
      periodEnd: 2028,
    });
    const versionId = plan.versions[0]!.id;
    const goal = await createItem(t.ctx, systemActor, versionId, {
      kind: 'goal',
      title: 'Università e ricerca',
      sectionCode: '1',
      missions: ['M4'],
    });
    const action = await createItem(t.ctx, systemActor, versionId, {
      kind: 'action',
      title: 'Borse di dottorato',
      parentKey: goal.key,
      measures: ['M4C2I1.1'],
    });
    const res = await officer.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${versionId}/link-suggestions`,
    });
    expect(res.statusCode).toBe(200);
    const links = (
      await officer.request({
        method: 'GET',
        url: `/api/v1/project-links?actionKey=${action.key}&pageSize=200`,
      })
    ).json();
    expect(links.total).toBeGreaterThanOrEqual(128);
    expect(links.items[0].reasons).toEqual(expect.arrayContaining(['measure', 'mission']));
  });
});

describe('exports of the filtered projects', () => {
  it('takes turns: beyond those running and waiting, an export is refused with when to retry', async () => {
    // One at a time and none waiting, on the same database: of four at once, one runs.
    const narrow = await buildApp({
      db: t.ctx.db,
      config: { sessionTtlHours: 12, trustProxy: false, webRoot: '/nonexistent-web-root' },
      exportTurns: { running: 1, waiting: 0 },
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          // Milan's projects: a few hundred rows are enough for the four to meet.
          narrow.inject({
            method: 'GET',
            url: '/api/v1/projects/export?format=xlsx&comune=015146',
          }),
        ),
      );
      const refused = answers.filter((a) => a.statusCode === 429);
      expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused[0]!.headers['retry-after']).toBe('5');
      expect(refused[0]!.json().detail).toContain('Exports are busy');
      // Once they are done, the next one runs.
      const later = await narrow.inject({
        method: 'GET',
        url: '/api/v1/projects/export?format=csv&comune=015146',
      });
      expect(later.statusCode).toBe(200);
    } finally {
      await narrow.close();
    }
  });

  it('downloads CSV with a BOM, semicolons and one row per project', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/projects/export?format=csv&comune=015179',
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const total = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?comune=015179' })
    ).json().total;
    expect(lines).toHaveLength(total + 1);
    expect(lines[0]!.startsWith('CUP;Codice Locale Progetto;Titolo progetto')).toBe(true);
    // Amounts as the official releases write them, for a spreadsheet set to Italian.
    const header = lines[0]!.split(';');
    const first = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/projects?comune=015179&pageSize=1',
      })
    ).json().items[0];
    const row = lines[1]!.split(';');
    expect(row[header.indexOf('CUP')]).toBe(first.cup);
    const pnrr = row[header.indexOf('Finanziamento PNRR (€)')]!;
    expect(pnrr).toMatch(/^\d+,\d{2}$/);
    expect(Number(pnrr.replace(',', '.'))).toBe(Number(first.fundingPnrr));
  });

  it('downloads the projects in the order of the list on screen', async () => {
    const url = (sort: string) => `/api/v1/projects?comune=015146&sort=${sort}&pageSize=100`;
    const exported = async (sort: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/projects/export?format=csv&comune=015146&sort=${sort}`,
        })
      ).body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(';')[0]);
    for (const sort of ['title', '-pnrr']) {
      const listed = (await t.app.inject({ method: 'GET', url: url(sort) }))
        .json()
        .items.map((p: { cup: string }) => p.cup);
      expect((await exported(sort)).slice(0, listed.length)).toEqual(listed);
    }
    expect(await exported('title')).not.toEqual(await exported('-pnrr'));
  });

  it('downloads XLSX and GeoJSON with the projects at their comuni', async () => {
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/projects/export?format=xlsx&mission=M6',
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // A workbook a spreadsheet opens: bold header kept in view, one row per project as in the
    // list, amounts as numbers with two decimals, a filter on the header.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Progetti')!;
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?mission=M6&pageSize=100' })
    ).json();
    expect(sheet.rowCount).toBe(listed.total + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('CUP');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).getCell(1).value).toBe(listed.items[0].cup);
    expect(sheet.getRow(2).getCell(9).value).toBe(Number(listed.items[0].fundingPnrr));
    expect(sheet.getColumn(9).numFmt).toBe('#,##0.00');
    expect(sheet.autoFilter).toBeTruthy();
    const geo = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/projects/export?format=geojson&comune=015146&mission=M6',
      })
    ).json();
    expect(geo.features.length).toBeGreaterThan(0);
    // Every point is a comune of the metropolitan city of Milan.
    for (const [lon, lat] of geo.features.flatMap(
      (f: { geometry: { coordinates: number[][] } }) => f.geometry.coordinates,
    )) {
      expect(lon).toBeGreaterThan(8.7);
      expect(lon).toBeLessThan(9.6);
      expect(lat).toBeGreaterThan(45.15);
      expect(lat).toBeLessThan(45.65);
    }
  });
});

describe('projects entered by hand', () => {
  it('records a regional project in two comuni, with funding by source', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        cup: 'e41b23000100002',
        title: 'Ciclovia del Naviglio Martesana',
        programme: 'Regione Lombardia',
        comuni: ['015146', '015081'],
        funding: { region: 1500000, comune: 250000 },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      cup: 'E41B23000100002',
      isManual: true,
      funding: { region: 1500000, comune: 250000, total: 1750000, pnrr: null },
    });
    expect(
      res
        .json()
        .comuni.map((c: { code: string }) => c.code)
        .sort(),
    ).toEqual(['015081', '015146']);
    const again = await officer.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { cup: 'E41B23000100002', title: 'Doppione', programme: 'Regione Lombardia' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'projectExists',
      params: { cup: 'E41B23000100002' },
    });
  });

  it('refuses to edit an imported project except its org unit', async () => {
    const project = await projectByCup('B11C22000950006');
    const res = await officer.request({
      method: 'PATCH',
      url: `/api/v1/projects/${project.id}`,
      payload: { version: project.version, title: 'Titolo cambiato' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('PNRR_Progetti');
    expect(res.json().code).toBe('importedProject');
    const unit = await orgUnit();
    const ok = await officer.request({
      method: 'PATCH',
      url: `/api/v1/projects/${project.id}`,
      payload: { version: project.version, orgUnitId: unit },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().orgUnit).toEqual({ id: unit, name: expect.stringMatching(/^Settore /) });
    const followed = await t.app.inject({ method: 'GET', url: `/api/v1/projects?orgUnit=${unit}` });
    expect(followed.json()).toMatchObject({ total: 1, items: [{ id: project.id }] });
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/projects?orgUnit=settore-1' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('orgUnit');
  });

  it('names the field of a bad CUP or an unknown comune', async () => {
    const bad = await officer.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { cup: 'ABC-123-456-789', title: 'Errato', programme: 'Altro' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().violations[0].field).toBe('body.cup');
    const nowhere = await officer.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { cup: 'E41B23000100099', title: 'Altrove', programme: 'Altro', comuni: ['058091'] },
    });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().violations[0].field).toBe('body.comuni');
  });

  it('keeps the dates of a project, and refuses an end before its start, stored or sent', async () => {
    const created = await officer.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        cup: 'E41B23000100120',
        title: 'Pista ciclabile della Martesana',
        programme: 'Regione',
        progress: 'Lavori in corso',
        startPlanned: '2025-03-01',
        endPlanned: '2026-12-31',
      },
    });
    expect(created.statusCode).toBe(201);
    const project = created.json();
    expect(project).toMatchObject({
      progress: 'Lavori in corso',
      startPlanned: '2025-03-01',
      endPlanned: '2026-12-31',
      startActual: null,
    });
    const patch = (changes: Record<string, unknown>) =>
      officer.request({
        method: 'PATCH',
        url: `/api/v1/projects/${project.id}`,
        payload: { version: project.version, ...changes },
      });
    // The planned start stored and a planned end sent: the end comes first.
    const early = await patch({ endPlanned: '2024-12-31' });
    expect(early.statusCode).toBe(422);
    expect(early.json().violations[0]).toMatchObject({
      field: 'body.endPlanned',
      code: 'endBeforeStart',
    });
    const notADay = await patch({ startActual: '2025-02-30' });
    expect(notADay.statusCode).toBe(400);
    expect(notADay.json().violations[0]).toMatchObject({
      field: 'body.startActual',
      code: 'format',
    });
    const started = await patch({ startActual: '2025-04-14', progress: null });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({
      startActual: '2025-04-14',
      progress: null,
      endPlanned: '2026-12-31',
    });
  });
});

describe('payments and indicators of the 2025 releases', () => {
  it('lets no record that does not fit decide how the amounts of the file are written', async () => {
    const [header, ...rows] = bundled('pnrr_pagamenti_progetti_MI_2025-03.csv')
      .toString('utf8')
      .split('\n');
    // A field too many, whose shift puts a decimal comma under "finanziamento_totale".
    const misfit = rows[0]!.split(';');
    misfit.splice(4, 0, '1,5');
    const text = [header, misfit.join(';'), ...rows].join('\n');
    const report = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'pnrr_pagamenti_progetti_MI_2025-03.csv',
      bytes: Buffer.from(text),
    });
    // Read with the decimal point of the other records: only the misfit is rejected.
    expect(report).toMatchObject({ kind: 'pagamenti', rowsRead: 1912, rejected: 1 });
    expect(report.rejectedRows[0]!.problems).toEqual([
      { code: 'fieldCount', fields: 23, width: 22 },
    ]);
  });

  it('imports the payments, kept apart from the funding, and the target indicators', async () => {
    const payments = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'pnrr_pagamenti_progetti_MI_2025-03.csv',
      bytes: bundled('pnrr_pagamenti_progetti_MI_2025-03.csv'),
    });
    expect(payments).toMatchObject({
      kind: 'pagamenti',
      rowsRead: 1911,
      rejected: 0,
      releaseDate: '2025-03-31',
    });
    const indicators = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'pnrr_indicatori_target_progetti_MI_2025-03.csv',
      bytes: bundled('pnrr_indicatori_target_progetti_MI_2025-03.csv'),
    });
    expect(indicators).toMatchObject({ kind: 'indicatori', rowsRead: 3036 });
    expect(indicators.rejected).toBeLessThan(10);
    const project = await projectByCup('B11C22000950006');
    expect(project.payments).toMatchObject({
      paidTotal: 121992,
      paidPnrr: 121992,
      extractedOn: '2025-03-31',
    });
    expect(project.indicators[0]).toMatchObject({
      code: 'T0079',
      planned: 1,
      achieved: 1,
      year: 2024,
    });
    // The funding still comes from the projects release.
    expect(project.funding.pnrr).toBe(130000);
  });

  it('changes nothing when the payments are imported again', async () => {
    const again = await importPnrrFile(t.ctx, systemActor, {
      fileName: 'pnrr_pagamenti_progetti_MI_2025-03.csv',
      bytes: bundled('pnrr_pagamenti_progetti_MI_2025-03.csv'),
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1911 });
  });
});

describe('missing is not zero', () => {
  it('keeps an amount sent as null as not stated, not as 0', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        cup: 'E41B23000100077',
        title: 'Importo non noto',
        programme: 'Altro',
        funding: { region: null, comune: 1000 },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().funding).toMatchObject({ region: null, comune: 1000 });
  });

  it('refuses a number sent as text in a JSON body, naming the field', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        cup: 'E41B23000100078',
        title: 'Importo testuale',
        programme: 'Altro',
        funding: { region: '1000' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().violations[0].field).toBe('body.funding.region');
  });
});

describe('the hash of an imported row', () => {
  const kinds = [
    ['project_locations', localizzazioniRows, 'row_hash', 'release_id IS NOT NULL'],
    ['project_subjects', soggettiRows, 'row_hash', 'true'],
    ['project_payments', pagamentiRows, 'row_hash', 'true'],
    ['project_indicators', indicatoriRows, 'row_hash', 'true'],
    ['projects', progettiRows, 'content_hash', 'NOT is_manual'],
  ] as const;

  it.each(kinds)(
    'is, in %s, what the latest migration that hashed the stored rows computes',
    async (table, kind, column, imported) => {
      const { rows } = (await t.handle.db.execute(
        `SELECT count(*)::int AS rows, count(*) FILTER (WHERE ${column} <> ${rowHashSql(kind)})::int AS different
         FROM ${table} WHERE ${imported}` as never,
      )) as unknown as { rows: { rows: number; different: number }[] };
      expect(rows[0]!.rows).toBeGreaterThan(0);
      expect(rows[0]!.different).toBe(0);
      const statement = `UPDATE ${table} SET ${column} = `;
      const latest = readdirSync('src/db/migrations')
        .filter((f) => f.endsWith('.sql'))
        .sort()
        .map((f) => readFileSync(`src/db/migrations/${f}`, 'utf8'))
        .filter((sql) => sql.includes(statement))
        .at(-1)!;
      const hashed = latest.slice(latest.lastIndexOf(statement) + statement.length);
      expect(hashed.startsWith(rowHashSql(kind))).toBe(true);
    },
  );
});

describe('searching the projects by words', () => {
  /** The ids of every project a query finds, and their titles. */
  async function found(q: string) {
    const items: { id: string; cup: string; title: string }[] = [];
    for (let page = 1; ; page++) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/projects?q=${encodeURIComponent(q)}&pageSize=200&page=${page}`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      items.push(...body.items);
      if (items.length >= body.total) break;
    }
    return { ids: items.map((p) => p.id).sort(), titles: items.map((p) => p.title), items };
  }
  /** What the search found before: the whole query as one substring of title, summary, implementer. */
  async function asOneSubstring(q: string) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { rows } = (await t.handle.db.execute(
      sql`SELECT id FROM projects
          WHERE title ILIKE ${pattern} OR summary ILIKE ${pattern} OR implementer ILIKE ${pattern}`,
    )) as unknown as { rows: { id: string }[] };
    return rows.map((r) => r.id).sort();
  }

  it('finds the other forms of an Italian word: "scuola" also finds the "Scuole"', async () => {
    const scuola = await found('scuola');
    const before = await asOneSubstring('scuola');
    expect(scuola.ids).toEqual(expect.arrayContaining(before));
    expect(scuola.ids.length).toBeGreaterThan(before.length);
    expect(scuola.titles.some((title) => /scuole/i.test(title) && !/scuola/i.test(title))).toBe(
      true,
    );
    expect((await found('Scuole')).ids).toEqual(scuola.ids);
    expect((await found('asilo')).ids).toEqual((await found('asili')).ids);
  });

  it('needs every word, in any order and anywhere in the title, summary or implementer', async () => {
    expect(await asOneSubstring('scuola milano')).toEqual([]);
    const both = await found('scuola milano');
    expect(both.ids.length).toBeGreaterThan(0);
    const scuola = (await found('scuola')).ids;
    const milano = (await found('milano')).ids;
    expect(both.ids).toEqual(scuola.filter((id) => milano.includes(id)));
    expect((await found('scuola parolachenonce')).ids).toEqual([]);

    expect(await asOneSubstring('nido asili')).toEqual([]);
    const nidoAsili = await found('nido asili');
    expect(nidoAsili.ids.length).toBeGreaterThan(0);
    expect(nidoAsili.ids).toEqual((await found('asili nido')).ids);
    expect(nidoAsili.ids).toEqual(expect.arrayContaining(await asOneSubstring('asili nido')));
    // Punctuation, articles and prepositions separate words and need not be there.
    expect((await found("asili, nido: dell'infanzia")).ids.length).toBeGreaterThan(0);
  });

  it('finds the same projects with and without accents, in either case', async () => {
    const accented = await found('università');
    expect(accented.ids.length).toBeGreaterThan((await asOneSubstring('università')).length);
    expect((await found('universita')).ids).toEqual(accented.ids);
    expect((await found('UNIVERSITÀ')).ids).toEqual(accented.ids);
    expect(accented.ids).toEqual(expect.arrayContaining(await asOneSubstring('universita')));
  });

  it('still finds a project by its CUP, in any case and among other words', async () => {
    const exact = await found('B11C22000950006');
    expect(exact.items.map((p) => p.cup)).toEqual(['B11C22000950006']);
    expect((await found(' b11c22000950006 ')).ids).toEqual(exact.ids);
    const word = exact.titles[0]!.split(/[^\p{L}]+/u).find((w) => w.length >= 5)!;
    expect((await found(`B11C22000950006 ${word}`)).ids).toEqual(exact.ids);
  });

  it('matches wildcards as themselves: a query of % or _ does not find every project', async () => {
    expect((await found('scuola')).ids.length).toBeGreaterThan(0);
    for (const q of ['%%', '__', '_%', '\\%', '% _'])
      expect((await found(q)).ids, q).toEqual(await asOneSubstring(q.trim()));
    expect((await found('%%')).ids).toEqual([]);
  });
});

describe('the subject filter', () => {
  it('finds a subject by the words of its name, in any order, and by its tax code', async () => {
    const projectsOf = async (subject: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/projects?subject=${encodeURIComponent(subject)}&pageSize=100`,
        })
      )
        .json()
        .items.map((p: { cup: string }) => p.cup)
        .sort();
    const whole = await projectsOf('LATTANZIO KIBS SPA');
    expect(whole.length).toBeGreaterThan(0);
    // Not one piece of the name: the words of it, wherever they are.
    expect(await projectsOf('lattanzio spa')).toEqual(whole);
    expect(await projectsOf('kibs lattanzio')).toEqual(whole);
    expect(await projectsOf('lattanzio srl')).toEqual([]);
  });
});
