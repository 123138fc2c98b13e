/**
 * The words of a search of the projects, as the query matches them: each word must be found
 * somewhere in a project's title, summary or implementer, whatever its case and accents, and an
 * Italian word in any of its number and gender forms ("scuola" finds "Scuole dell'infanzia").
 *
 * No index and no text-search configuration is involved (the import's speed depends on the
 * projects' table having few indexes): each word is a case-insensitive regular expression in which
 * a letter stands for itself and its accented forms (`wordPattern`: "universit" finds
 * "UNIVERSITÀ"). Folding the stored text instead, with `translate(lower(…))`, gives the same
 * answers thirty times slower: counting the matches of one word among 300,000 projects took 9 s on
 * PostgreSQL (1.8 s among 30,000 on PGlite), against 0.3 s (0.04 s) for these expressions and
 * 0.45 s (0.08 s) for the single ILIKE of the earlier search. The stem is a crude one, on purpose:
 * dropping the final vowel of a word of five letters or more ("scuola" → "scuol", "asili" →
 * "asil", "università" → "universit") is what Italian inflection mostly changes, and a substring
 * of the stem can only find more, never fewer, of the projects the whole word finds.
 */

import { normaliseCup } from './cup.ts';

/**
 * Accented Latin letters and the plain letter each is searched as, lower and upper case (a
 * database whose character type is "C" does not fold their case).
 */
const accents: Record<string, string> = {
  a: 'àáâãäåÀÁÂÃÄÅ',
  c: 'çÇ',
  e: 'èéêëÈÉÊË',
  i: 'ìíîïÌÍÎÏ',
  n: 'ñÑ',
  o: 'òóôõöøÒÓÔÕÖØ',
  u: 'ùúûüÙÚÛÜ',
  y: 'ýÿÝ',
};

const folding = new Map(
  Object.entries(accents).flatMap(([plain, accented]) => [...accented].map((c) => [c, plain])),
);

/** Lower case, accents off: "Università" → "universita". */
export function foldAccents(text: string): string {
  return [...text.toLowerCase()].map((c) => folding.get(c) ?? c).join('');
}

/**
 * The regular expression (PostgreSQL's, case-insensitive: `~*`) that finds a folded word in a
 * text with or without its accents: "citt" → "[cçÇ][iìíîïÌÍÎÏ]tt". A character that is not a
 * letter or a digit stands for itself.
 */
export function wordPattern(word: string): string {
  return [...word]
    .map((c) => {
      const accented = accents[c];
      if (accented) return `[${c}${accented}]`;
      return /[\p{L}\p{N}]/u.test(c) ? c : `\\${c}`;
    })
    .join('');
}

/**
 * Words shorter than this are articles, prepositions and the like ("di", "e", "il", "la"); a
 * number is kept however short ("lotto 2", "via Adda 10").
 */
export const minSearchWordLength = 3;

/** Italian words of three letters or more that say nothing about a project (folded, as typed). */
const stopWords = new Set([
  'agli',
  'all',
  'alla',
  'alle',
  'allo',
  'che',
  'col',
  'coll',
  'con',
  'dal',
  'dagli',
  'dall',
  'dalla',
  'dalle',
  'dallo',
  'dei',
  'del',
  'degli',
  'dell',
  'della',
  'delle',
  'dello',
  'fra',
  'gli',
  'nei',
  'nel',
  'negli',
  'nell',
  'nella',
  'nelle',
  'nello',
  'non',
  'per',
  'sui',
  'sul',
  'sugli',
  'sull',
  'sulla',
  'sulle',
  'sullo',
  'tra',
  'una',
  'uno',
]);

/** Words this long or longer lose their final vowel: "scuola" → "scuol", "asili" → "asil". */
export const minStemmedLength = 5;

/** One word of a search. */
export interface SearchWord {
  /** Folded (lower case, no accents) and stemmed; found with `wordPattern`. */
  text: string;
  /** Set when the word looks like a CUP: the word also finds the project of that code. */
  cup?: string;
  /** A query of punctuation alone, to be found as it is (with LIKE, its wildcards escaped). */
  literal?: true;
}

function stem(word: string): string {
  return word.length >= minStemmedLength && /^[a-z]+[aeiou]$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * The words of a query: split at whitespace and punctuation, folded, without the short and the
 * grammatical words unless the query has nothing else, stemmed. Every word must match. A query of punctuation alone
 * ("%", "__") is one word of its own, matched literally: it must not match every project.
 */
export function searchWords(query: string): SearchWord[] {
  const tokens = query
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (tokens.length === 0) {
    const literal = query.trim();
    return literal === '' ? [] : [{ text: literal, literal: true }];
  }
  const folded = tokens.map((token) => ({ token, word: foldAccents(token) }));
  const meaningful = folded.filter(
    ({ word }) => /\d/.test(word) || (word.length >= minSearchWordLength && !stopWords.has(word)),
  );
  const words = new Map<string, SearchWord>();
  for (const { token, word } of meaningful.length > 0 ? meaningful : folded) {
    const cup = /\d/.test(token) ? normaliseCup(token) : null;
    const text = stem(word);
    words.set(text, cup ? { text, cup } : { text });
  }
  return [...words.values()];
}
