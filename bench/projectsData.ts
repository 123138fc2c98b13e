// Writes a national-size release in the official format (300,000 projects, 400,000 locations)
// for the import benchmark. Codes are real (measures of the PNRR, ISTAT comuni); the rest is made up.
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { root } from './server.ts';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const progettiHeader =
  'Programma;Missione;Componente;ID Misura;Codice Univoco Misura;ID Submisura;Codice Univoco Submisura;Amministrazione Titolare;CUP;Codice Locale Progetto;Stato CUP;Titolo progetto;Sintesi progetto;Finanziamento - Stato;Finanziamento PNRR;Finanziamento Comune;Finanziamento Totale;Soggetto attuatore;Codice fiscale soggetto attuatore;Data aggiornamento';
const localizzazioniHeader =
  'Codice Univoco Submisura;CUP;Codice Locale Progetto;Codice Regione;Codice Provincia;Codice Comune;Descrizione Comune;Indirizzo;Cap;Data di aggiornamento';

async function writeLines(
  file: string,
  header: string,
  count: number,
  line: (i: number) => string,
) {
  const out = createWriteStream(file);
  out.write(`\uFEFF${header}\n`);
  for (let i = 0; i < count; i++) if (!out.write(`${line(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

export async function writeNationalRelease(dir: string, projects = 300_000, locations = 400_000) {
  const random = rng(42);
  const measures = readFileSync(
    path.join(root, 'reference-data/pnrr/pnrr_misure_quadro_finanziario_2025.csv'),
    'utf8',
  )
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(';'))
    .map((c) => ({
      mission: c[1]!,
      component: c[3]!,
      id: c[5]!,
      padded: c[6]!,
      sub: c[8]!,
      subPadded: c[10]!,
    }));
  const comuni = readFileSync(path.join(root, 'reference-data/comuni_italia.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(','))
    .map((c) => ({ code: c[0]!, region: c[3]!, name: c[1]! }));
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const cupOf = (i: number) =>
    `J${String(10 + (i % 89)).padStart(2, '0')}B${String(i).padStart(11, '0')}`;
  const measureOf = measures.map((_, i) => i);
  const projectMeasure = new Array<number>(projects);
  const progetti = path.join(dir, 'PNRR_Progetti_national.csv');
  await writeLines(progetti, progettiHeader, projects, (i) => {
    const m = measures[(projectMeasure[i] = pick(measureOf))]!;
    const amount = Math.round(random() * 5_000_000 * 100) / 100;
    const italian = amount.toFixed(2).replace('.', ',');
    return `PNRR;${m.mission};${m.component};${m.id};${m.padded};${m.sub};${m.subPadded};MINISTERO;${cupOf(i)};CLP-${i};Attivo;Progetto ${i} per la scuola e la mobilità;Sintesi ${i};0,00;${italian};0,00;${italian};COMUNE ${i % 7000};${String(80000000000 + (i % 7000)).slice(0, 11)};21/02/2025`;
  });
  const localizzazioni = path.join(dir, 'PNRR_Localizzazione_national.csv');
  await writeLines(localizzazioni, localizzazioniHeader, locations, (j) => {
    const i = j < projects ? j : Math.floor(random() * projects);
    const m = measures[projectMeasure[i]!]!;
    const c = pick(comuni);
    return `${m.subPadded};${cupOf(i)};CLP-${i};${c.region};${c.code.slice(0, 3)};${c.code.slice(3)};${c.name.toUpperCase()};;;21/02/2025`;
  });
  return { progetti, localizzazioni, projects, locations };
}
