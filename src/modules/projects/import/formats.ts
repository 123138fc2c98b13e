/**
 * The columns of the official PNRR open-data files (Italia Domani / ReGiS), by the names they
 * have had across releases: Title Case with spaces (2023), snake_case (ondata's 2025 tables),
 * with the typos and trailing spaces the releases carry. Matching is done by csvHeaders.ts.
 */
export type ImportKind = 'progetti' | 'localizzazioni' | 'soggetti' | 'pagamenti' | 'indicatori';

export interface FileFormat {
  kind: ImportKind;
  /** canonical column → names seen in releases */
  synonyms: Record<string, string[]>;
  required: string[];
}

const key = {
  cup: ['CUP', 'Codice CUP'],
  local_code: ['Codice Locale Progetto', 'Codice locale del progetto', 'CLP'],
};

const progetti: FileFormat = {
  kind: 'progetti',
  synonyms: {
    ...key,
    programme: ['Programma'],
    mission: ['Missione'],
    component: ['Componente'],
    measure_id: ['ID Misura'],
    measure_code: ['Codice Univoco Misura'],
    sub_measure_id: ['ID Submisura'],
    sub_measure_code: ['Codice Univoco Submisura'],
    owner: ['Amministrazione Titolare'],
    procedure: ['Titolo procedura', 'Titolo della procedura'],
    cup_status: ['Stato CUP'],
    nature: ['CUP Descrizione Natura', 'Descrizione Natura'],
    typology: ['CUP Descrizione Tipologia', 'Descrizione Tipologia'],
    sector: ['CUP Descrizione Settore', 'Descrizione Settore'],
    title: ['Titolo progetto', 'Titolo del progetto'],
    summary: ['Sintesi progetto', 'Sintesi del progetto'],
    funding_state: ['Finanziamento - Stato', 'Finanziamento Stato'],
    funding_eu_other: ['Finanziamento UE (diverso da PNRR)', 'Finanziamento UE diverso da PNRR'],
    funding_region: ['Finanziamento Regione'],
    funding_province: ['Finanziamento Provincia'],
    funding_comune: ['Finanziamento Comune'],
    funding_other_public: ['Finanziamento Altro Pubblico'],
    funding_private: ['Finanziamento Privato'],
    funding_to_find: ['Finanziamento Da Reperire'],
    funding_pnrr: ['Finanziamento PNRR'],
    funding_pnc: ['Finanziamento PNC'],
    funding_other: ['Altri fondi'],
    funding_total: ['Finanziamento Totale'],
    funding_total_public: ['Finanziamento Totale Pubblico'],
    implementer: ['Soggetto attuatore'],
    implementer_tax_code: ['Codice fiscale soggetto attuatore'],
    // The date of validation: "Data aggiornamento" until 2023, "Data Ultima Validazione" since 2024.
    updated: ['Data aggiornamento', 'Data di aggiornamento', 'Data Ultima Validazione'],
    extracted: ['Data di Estrazione'],
    // Since 2024.
    progress: ['Stato Avanzamento Progetto'],
    start_planned: ['Data Inizio Progetto Prevista'],
    start_actual: ['Data Inizio Progetto Effettiva'],
    end_planned: ['Data Fine Progetto Prevista'],
    end_actual: ['Data Fine Progetto Effettiva'],
  },
  required: ['cup', 'local_code', 'title'],
};

const localizzazioni: FileFormat = {
  kind: 'localizzazioni',
  synonyms: {
    ...key,
    sub_measure_code: ['Codice Univoco Submisura'],
    region: ['Codice Regione', 'Regione'],
    province: ['Codice Provincia', 'Provincia'],
    comune: ['Codice Comune', 'Comune'],
    place_name: ['Descrizione Comune'],
    address: ['Indirizzo'],
    postcode: ['Cap', 'CAP', 'Codice di avviamento postale'],
    share: ['Quota localizzazione', 'Quota'],
    // 2024–2026 releases: a percentage (`100,00`, `50,00`, `0,50`).
    share_percent: ['Percentuale di Localizzazione', 'Percentuale localizzazione'],
    updated: ['Data di aggiornamento', 'Data aggiornamento', 'Data di Estrazione'],
  },
  required: ['cup', 'local_code', 'region', 'province', 'comune'],
};

const soggetti: FileFormat = {
  kind: 'soggetti',
  synonyms: {
    ...key,
    role_code: ['Ruolo soggetto', 'Codice ruolo soggetto'],
    role: ['Descrizione del ruolo del soggetto', 'Descrizione ruolo soggetto'],
    tax_code: ['Codice fiscale soggetto', 'Codice fiscale'],
    name: ['Denominazione', 'Denominazione soggetto'],
    legal_form: ['Descrizione forma giuridica'],
    ateco: ['Codice ATECO'],
    updated: ['Data di aggiornamento', 'Data aggiornamento', 'Data di Estrazione'],
  },
  required: ['cup', 'local_code', 'role_code', 'tax_code', 'name'],
};

/**
 * A payment column by its names: snake_case as ondata converted the 2025 release, Title Case as
 * that release had it, and the singular the 2026 release uses (`Pagamento Totale`).
 */
const paid = (snake: string, title: string, singular: string) => [snake, title, singular];

/**
 * Payments per project (PNRR_Pagamenti_di_Progetto): funding and payments by source. Amounts
 * with a decimal comma in the official files, with a decimal point in ondata's 2025 conversion:
 * decided per file (releases.ts).
 */
const pagamenti: FileFormat = {
  kind: 'pagamenti',
  synonyms: {
    ...key,
    sub_measure_code: ['Codice Univoco Submisura'],
    funding_total: ['finanziamento_totale', 'Finanziamento Totale'],
    funding_pnrr: ['finanziamento_pnrr', 'Finanziamento PNRR'],
    paid_total: paid('pagamenti_totali', 'Pagamenti Totali', 'Pagamento Totale'),
    paid_pnrr: paid('pagamenti_totali_pnrr', 'Pagamenti Totali PNRR', 'Pagamento PNRR'),
    paid_state: paid(
      'pagamenti_totali_stato_foi',
      'Pagamenti Totali Stato FOI',
      'Pagamento Stato - FOI',
    ),
    paid_eu_other: paid(
      'pagamenti_totali_ue_diverso_da_pnrr',
      'Pagamenti Totali UE diverso da PNRR',
      'Pagamento UE (Diverso da PNRR)',
    ),
    paid_region: paid('pagamenti_totali_regione', 'Pagamenti Totali Regione', 'Pagamento Regione'),
    paid_province: paid(
      'pagamenti_totali_provincia',
      'Pagamenti Totali Provincia',
      'Pagamento Provincia',
    ),
    paid_comune: paid('pagamenti_totali_comune', 'Pagamenti Totali Comune', 'Pagamento Comune'),
    paid_other_public: paid(
      'pagamenti_totali_altro_pubblico',
      'Pagamenti Totali Altro Pubblico',
      'Pagamento Altro Pubblico',
    ),
    paid_private: paid('pagamenti_totali_privato', 'Pagamenti Totali Privato', 'Pagamento Privato'),
    paid_pnc: paid('pagamenti_totali_pnc', 'Pagamenti Totali PNC', 'Pagamento PNC'),
    paid_other: paid(
      'pagamenti_totali_altri_fondi',
      'Pagamenti Totali Altri Fondi',
      'Pagamento Altri Fondi',
    ),
    extracted: ['data_di_estrazione', 'Data di estrazione'],
  },
  required: ['cup', 'local_code', 'paid_total'],
};

/** 2025 project indicators: planned and achieved target values (decimal comma). */
const indicatori: FileFormat = {
  kind: 'indicatori',
  synonyms: {
    ...key,
    sub_measure_code: ['Codice Univoco Submisura'],
    code: ['codice_indicatore', 'Codice Indicatore'],
    description: ['descrizione_indicatore', 'Descrizione Indicatore'],
    unit: ['descrizione_unita_di_misura', 'Descrizione Unità di Misura'],
    kind: ['descrizione_tipo_indicatore', 'Descrizione Tipo Indicatore'],
    achieved: ['valore_realizzato', 'Valore Realizzato'],
    planned: ['valore_programmato', 'Valore Programmato'],
    month: ['mese', 'Mese'],
    year: ['anno', 'Anno'],
    extracted: ['data_di_estrazione', 'Data di estrazione'],
  },
  required: ['cup', 'local_code', 'code', 'planned'],
};

export const formats: Record<ImportKind, FileFormat> = {
  progetti,
  localizzazioni,
  soggetti,
  pagamenti,
  indicatori,
};
