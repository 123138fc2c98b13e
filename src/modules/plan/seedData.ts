/** The facts of the Milan plans (reference-data/cmm/psttm_milano.json, with their sources) as seeds. */
export type ActSeed = {
  body: string;
  kind: string;
  number: string | null;
  date: string | null;
  title: string;
  certain: boolean;
  source: string;
};
export type StepSeed = { from: string | null; to: string; at: string; note: string; act?: number };

export interface EditionSeed {
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

export const milanEditions: EditionSeed[] = [
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

export interface GoalSeed {
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
export const exampleGoals: GoalSeed[] = [
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
