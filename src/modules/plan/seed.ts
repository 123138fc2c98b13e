import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planSections } from '../../domain/planSections.ts';
import { systemActor, type Actor } from '../../domain/roles.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import * as repo from './repo.ts';

const source = fileURLToPath(
  new URL('../../../reference-data/cmm/psttm_milano.json', import.meta.url),
);

interface Edition {
  period: string;
  title?: string;
  pillars?: string[];
  pillar_definitions?: Record<string, string>;
  drivers?: { name: string; description: string | null }[];
  known_actions?: { items: KnownAction[] };
  source?: string;
}

interface KnownAction {
  title: string;
  amount_eur?: number;
  mission: string;
  measure?: string;
  theme_driver?: string;
  source: string;
}

type ActSeed = {
  body: string;
  kind: string;
  number: string | null;
  date: string | null;
  title: string;
  certain: boolean;
  source: string;
};
type StepSeed = { from: string | null; to: string; at: string; note: string; act?: number };

interface EditionSeed {
  slug: string;
  title: string;
  subtitle: string | null;
  periodStart: number;
  periodEnd: number;
  notes: string | null;
  label: string;
  status: string;
  acts: ActSeed[];
  steps: StepSeed[];
}

const milanEditions: EditionSeed[] = [
  {
    slug: 'psttm-2016-2018',
    title: 'Piano Strategico Triennale del Territorio Metropolitano 2016-2018',
    subtitle: 'Milano. Metropoli reale, metropoli possibile',
    periodStart: 2016,
    periodEnd: 2018,
    notes:
      '6 strategie e relative piattaforme progettuali; articolazione per 7 Zone omogenee. Contenuti non caricati.',
    label: 'Approvazione 2016',
    status: 'superseded',
    acts: [
      {
        body: 'consiglio',
        kind: 'delibera',
        number: 'n. 16/2016',
        date: '2016-04-11',
        title: 'Adozione del Piano strategico 2016-2018',
        certain: true,
        source: 'psttm_milano.json (issuu.com/provincia-milano)',
      },
      {
        body: 'conferenza',
        kind: 'parere',
        number: 'n. 3/2016',
        date: '2016-04-21',
        title: 'Parere favorevole della Conferenza metropolitana',
        certain: true,
        source: 'psttm_milano.json',
      },
      {
        body: 'consiglio',
        kind: 'delibera',
        number: 'n. 27/2016',
        date: '2016-05-12',
        title: 'Approvazione del Piano strategico 2016-2018',
        certain: true,
        source: 'psttm_milano.json',
      },
    ],
    steps: [
      { from: null, to: 'draft', at: '2016-04-11', note: 'adozione (delibera n. 16)', act: 0 },
      {
        from: 'draft',
        to: 'adopted',
        at: '2016-05-12',
        note: 'approvazione dopo il parere della Conferenza',
        act: 2,
      },
      {
        from: 'adopted',
        to: 'superseded',
        at: '2019-01-01',
        note: 'sostituito dal piano 2019-2021',
      },
    ],
  },
  {
    slug: 'psttm-2019-2021',
    title: 'Piano Strategico Triennale del Territorio Metropolitano 2019-2021',
    subtitle: 'Aggiornamento PSTTM 2019-2021 ("patto di territorio")',
    periodStart: 2019,
    periodEnd: 2021,
    notes:
      'Principi: sostenibilità socio-economica (attrattività, innovazione e inclusione); Agenda 2030 come pietra angolare. Atti e contenuti non trovati.',
    label: 'Aggiornamento 2019-2021',
    status: 'superseded',
    acts: [],
    steps: [
      {
        from: null,
        to: 'superseded',
        at: '2022-06-16',
        note: 'sostituito dal piano 2022-2024; date di adozione non note',
      },
    ],
  },
  {
    slug: 'psttm-2022-2024',
    title: 'PSTTM 2022-2024 — Un territorio metropolitano con più futuro',
    subtitle: 'Orizzonte 2026',
    periodStart: 2022,
    periodEnd: 2024,
    notes:
      'Agenda strategica in 10 driver: 5 nomi noti dalle fonti pubbliche. Obiettivi e azioni caricati sono esempi (i programmi reali di CMM del periodo, collegati per tema): il testo del Piano non era disponibile.',
    label: 'Adozione 2023',
    status: 'adopted',
    acts: [
      {
        body: 'sindaco',
        kind: 'decreto',
        number: 'R.G. 113/2022',
        date: '2022-06-16',
        title: "Linee di indirizzo per l'adozione del PSTTM 2022/2024",
        certain: true,
        source: 'presentazione del 18/10/2022',
      },
      {
        body: 'consiglio',
        kind: 'delibera',
        number: null,
        date: '2023-03-22',
        title: 'Adozione del PSTTM 2022-2024 da parte del Consiglio metropolitano',
        certain: true,
        source: 'mi-lorenteggio.com 2023-03-22',
      },
      {
        body: 'conferenza',
        kind: 'parere',
        number: null,
        date: null,
        title: 'Parere della Conferenza metropolitana (data, numero e voti non trovati)',
        certain: false,
        source: 'mi-lorenteggio.com 2023-06-13',
      },
      {
        body: 'consiglio',
        kind: 'delibera',
        number: null,
        date: '2023-06-13',
        title: 'Approvazione definitiva dopo il parere della Conferenza (data della notizia)',
        certain: false,
        source: 'mi-lorenteggio.com 2023-06-13',
      },
    ],
    steps: [
      {
        from: null,
        to: 'draft',
        at: '2022-06-16',
        note: 'linee di indirizzo, decreto R.G. 113/2022',
        act: 0,
      },
      {
        from: 'draft',
        to: 'consultation',
        at: '2022-09-19',
        note: 'tavolo metropolitano con circa 50 stakeholder; giro delle Zone omogenee',
      },
      {
        from: 'consultation',
        to: 'adopted',
        at: '2023-03-22',
        note: 'adozione del Consiglio metropolitano',
        act: 1,
      },
    ],
  },
  {
    slug: 'psttm-2025-2027',
    title: 'PSTTM 2025-2027',
    subtitle: null,
    periodStart: 2025,
    periodEnd: 2027,
    notes:
      "Consultazione aperta dal Forum metropolitano il 27/02/2025. Fonti di stampa lo dicono approvato entro il 30/07/2025, ma l'atto non è disponibile: registrare l'adozione con il suo atto.",
    label: 'Proposta 2025',
    status: 'consultation',
    acts: [],
    steps: [
      {
        from: null,
        to: 'draft',
        at: '2025-02-01',
        note: 'proposta presentata alla Conferenza metropolitana del 28/02/2025',
      },
      {
        from: 'draft',
        to: 'consultation',
        at: '2025-02-27',
        note: 'Forum metropolitano: apertura delle osservazioni',
      },
    ],
  },
];

interface GoalSeed {
  section: string;
  title: string;
  missions: string[];
  pillars: string[];
  drivers: string[];
  linkedPlans: string[];
  sdgs: number[];
  actions: string[];
}

/** Example goals that give the real CMM programmes of 2022-2024 a place in the three sections. */
const exampleGoals: GoalSeed[] = [
  {
    section: '1',
    title: 'Una rete ciclabile metropolitana',
    missions: ['M3', 'M5'],
    pillars: ['Connettività'],
    drivers: ['Diritto alla mobilità'],
    linkedPlans: ['pums', 'ptm'],
    sdgs: [11],
    actions: ['Biciplan CAMBIO'],
  },
  {
    section: '1',
    title: 'Scuole superiori sicure, nuove e sostenibili',
    missions: ['M4'],
    pillars: ['Prossimità'],
    drivers: [],
    linkedPlans: [],
    sdgs: [4],
    actions: ['Edilizia scolastica', 'Nuovo Istituto Frisi'],
  },
  {
    section: '1',
    title: 'Efficienza energetica del patrimonio scolastico',
    missions: ['M2'],
    pillars: ['Sostenibilità'],
    drivers: ['Sustain-ability'],
    linkedPlans: ['agenda2030'],
    sdgs: [7, 13],
    actions: ['Territori Virtuosi'],
  },
  {
    section: '2',
    title: 'Rigenerazione urbana e inclusione nei comuni',
    missions: ['M5'],
    pillars: ['Inclusione'],
    drivers: [],
    linkedPlans: ['ptm'],
    sdgs: [10, 11],
    actions: ['Piani Urbani Integrati', 'COME IN', 'MICA'],
  },
  {
    section: '2',
    title: 'Acque e suolo: una città metropolitana spugna',
    missions: ['M2', 'M5'],
    pillars: ['Sostenibilità'],
    drivers: ['Politiche verdi e blu', 'Metabolismo circolare metropolitano'],
    linkedPlans: ['ptm', 'agenda2030'],
    sdgs: [6, 13],
    actions: ['Città metropolitana Spugna'],
  },
  {
    section: '3',
    title: 'Servizi digitali innovativi per i comuni',
    missions: ['M1'],
    pillars: ['Connettività', 'Prossimità'],
    drivers: ['Campus metropolitano smart'],
    linkedPlans: ['agenda2030'],
    sdgs: [9, 16],
    actions: [],
  },
];

function readEditions(): Edition[] {
  return (JSON.parse(readFileSync(source, 'utf8')) as { editions: Edition[] }).editions;
}

function knownActionFor(title: string, known: KnownAction[]): KnownAction | undefined {
  return known.find(
    (k) =>
      k.title.toLowerCase().startsWith(title.toLowerCase()) ||
      k.title.toLowerCase().includes(title.toLowerCase()),
  );
}

async function seedContent(
  tx: Executor,
  versionId: string,
  edition: Edition | undefined,
  withExamples: boolean,
) {
  const rows: repo.NewItemRow[] = planSections.map((s, i) => ({
    versionId,
    kind: 'section',
    sectionCode: s.code,
    code: s.code,
    title: s.title,
    position: i,
  }));
  const pillarKey = new Map<string, string>();
  for (const [i, name] of (edition?.pillars ?? []).entries()) {
    const key = crypto.randomUUID();
    pillarKey.set(name, key);
    const definition = edition?.pillar_definitions?.[name];
    rows.push({
      versionId,
      key,
      kind: 'pillar',
      title: name,
      description: definition ? `<p>${definition}</p>` : '',
      position: i,
      source: edition?.source ?? null,
    });
  }
  const driverKey = new Map<string, string>();
  for (const [i, d] of (edition?.drivers ?? []).entries()) {
    const key = crypto.randomUUID();
    driverKey.set(d.name, key);
    rows.push({
      versionId,
      key,
      kind: 'driver',
      title: d.name,
      description: d.description ? `<p>${d.description}</p>` : '',
      position: i,
      source: edition?.source ?? null,
    });
  }
  if (withExamples) {
    const known = edition?.known_actions?.items ?? [];
    const positions = new Map<string, number>();
    for (const goal of exampleGoals) {
      const key = crypto.randomUUID();
      const position = positions.get(goal.section) ?? 0;
      positions.set(goal.section, position + 1);
      rows.push({
        versionId,
        key,
        kind: 'goal',
        sectionCode: goal.section,
        code: `${goal.section}.${position + 1}`,
        title: goal.title,
        description: '<p>Obiettivo di esempio: il testo del Piano non era disponibile.</p>',
        position,
        missions: goal.missions,
        sdgs: goal.sdgs,
        linkedPlans: goal.linkedPlans,
        pillarKeys: goal.pillars
          .map((p) => pillarKey.get(p))
          .filter((k): k is string => k !== undefined),
        driverKeys: goal.drivers
          .map((d) => driverKey.get(d))
          .filter((k): k is string => k !== undefined),
        isExample: true,
      });
      for (const [i, title] of goal.actions.entries()) {
        const k = knownActionFor(title, known);
        rows.push({
          versionId,
          kind: 'action',
          parentKey: key,
          sectionCode: goal.section,
          code: `${goal.section}.${position + 1}.${i + 1}`,
          title: k?.title ?? title,
          description: k?.amount_eur
            ? `<p>Programma reale di Città metropolitana di Milano, ${k.amount_eur.toLocaleString('it-IT')} €. Collocazione nel Piano di esempio (per tema).</p>`
            : '<p>Programma reale di Città metropolitana di Milano. Collocazione nel Piano di esempio (per tema).</p>',
          position: i,
          missions: k ? [k.mission] : [],
          measures: k?.measure ? [k.measure] : [],
          driverKeys:
            k?.theme_driver && driverKey.has(k.theme_driver)
              ? [driverKey.get(k.theme_driver)!]
              : [],
          periodStart: 2022,
          periodEnd: 2026,
          isExample: true,
          source: k?.source ?? null,
        });
      }
    }
  }
  await repo.insertItems(tx, rows);
}

/** The Milan plans from the bundled facts; idempotent: nothing happens when plans exist. */
export async function seedMilanPlan(
  ctx: Ctx,
  actor: Actor = systemActor,
): Promise<{ created: boolean; plans: number }> {
  if ((await repo.listPlans(ctx.db)).length > 0) return { created: false, plans: 0 };
  const editions = readEditions();
  await ctx.db.transaction(async (tx) => {
    for (const seed of milanEditions) {
      const edition = editions.find((e) => e.period.startsWith(`${seed.periodStart}-`));
      const plan = await repo.insertPlan(tx, {
        slug: seed.slug,
        title: seed.title,
        subtitle: seed.subtitle,
        periodStart: seed.periodStart,
        periodEnd: seed.periodEnd,
        notes: seed.notes,
      });
      const lastStep = seed.steps[seed.steps.length - 1]!;
      const version = await repo.insertVersion(tx, {
        planId: plan.id,
        number: 1,
        label: seed.label,
        status: seed.status,
        statusChangedAt: new Date(lastStep.at),
      });
      const acts = [];
      for (const act of seed.acts)
        acts.push(await repo.insertAct(tx, { ...act, planVersionId: version.id }));
      for (const step of seed.steps)
        await repo.insertTransition(tx, {
          planVersionId: version.id,
          fromStatus: step.from,
          toStatus: step.to,
          at: new Date(step.at),
          actorLabel: 'Dati di riferimento (psttm_milano.json)',
          actId: step.act !== undefined ? acts[step.act]!.id : null,
          note: step.note,
        });
      await seedContent(tx, version.id, edition, seed.slug === 'psttm-2022-2024');
      await recordAudit(tx, actor, {
        action: 'plan.seeded',
        entityType: 'plan',
        entityId: plan.id,
        after: { slug: seed.slug },
      });
    }
  });
  return { created: true, plans: milanEditions.length };
}

/** Removes every example goal and action, in every version: one command once the real plan is in. */
export async function removeExamples(
  ctx: Ctx,
  actor: Actor = systemActor,
): Promise<{ removed: number }> {
  const examples = await repo.listExampleItems(ctx.db);
  if (examples.length === 0) return { removed: 0 };
  await ctx.db.transaction(async (tx) => {
    await repo.deleteItemsById(
      tx,
      examples.map((e) => e.id),
    );
    // Cached trees of these versions must not outlive the deletion.
    for (const versionId of new Set(examples.map((e) => e.versionId)))
      await repo.touchVersion(tx, versionId);
    await recordAudit(tx, actor, {
      action: 'plan.examples_removed',
      entityType: 'plan',
      entityId: 'all',
      before: { items: examples.map((e) => ({ key: e.key, kind: e.kind, title: e.title })) },
    });
  });
  return { removed: examples.length };
}
