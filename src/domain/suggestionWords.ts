/**
 * Which words a project and a plan action may be said to share when a link between them is
 * suggested. Titles of PNRR projects and of plan actions are full of words that say nothing about
 * their topic ("Progetto di intervento del Comune di Milano, 2026"): counted, they made unrelated
 * pairs look alike. So a shared word counts only when it is a word of at least four letters, with
 * no digit in it (years, lot numbers, codes), whose Italian stem is not in this list.
 *
 * The list is compared stem to stem (PostgreSQL's `italian` configuration stems both), so one form
 * of each word is enough: "progetto" also stops "progetti". Articles, prepositions and the other
 * words of PostgreSQL's own Italian stop-list have no stem at all; the grammatical words here are
 * the ones it keeps.
 */

/** Shorter words are articles, prepositions, abbreviations or Roman numerals of a lot. */
export const minSharedWordLength = 4;

const grammatical = [
  'attraverso',
  'circa',
  'dove',
  'durante',
  'entro',
  'finalizzato',
  'mediante',
  'oltre',
  'presso',
  'relativo',
  'tramite',
  'verso',
];

/** What every public work is: a project, works, their realisation, a lot of them. */
const works = [
  'attività',
  'completamento',
  'esecuzione',
  'fase',
  'intervento',
  'lavori',
  'lotto',
  'nuovo',
  'opera',
  'progettazione',
  'progetto',
  'realizzazione',
  'stralcio',
];

/** Where and by whom: every project in the territory names an authority or a place like these. */
const places = [
  'area',
  'città',
  'comunale',
  'comune',
  'lombardia',
  'località',
  'metropolitana',
  'metropolitano',
  'piazza',
  'provincia',
  'provinciale',
  'regionale',
  'regione',
  'sede',
  'territoriale',
  'territorio',
  'zona',
];

/** The programme's own vocabulary, which every project and action of the plan shares. */
const programme = [
  'azione',
  'componente',
  'finanziamento',
  'fondo',
  'generation',
  'investimento',
  'misura',
  'missione',
  'nazionale',
  'obiettivo',
  'piano',
  'pnrr',
  'programma',
  'resilienza',
  'ripresa',
  'strategico',
];

/**
 * The stop-list of a metropolitan city: the words above and the name of its capoluogo, which
 * projects across the territory name whatever they are about ("Città metropolitana di Milano").
 */
export function suggestionStopWords(capoluogo: string): string[] {
  const own = capoluogo
    .toLocaleLowerCase('it')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= minSharedWordLength);
  return [...new Set([...grammatical, ...works, ...places, ...programme, ...own])];
}
