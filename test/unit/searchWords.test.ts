import { describe, expect, it } from 'vitest';
import { foldAccents, searchWords, wordPattern } from '../../src/domain/searchWords.ts';

const texts = (query: string) => searchWords(query).map((w) => w.text);

describe('the words of a project search', () => {
  it('splits at whitespace and punctuation, and keeps the order of the words', () => {
    expect(texts('scuola   milano')).toEqual(['scuol', 'milan']);
    expect(texts("Scuole dell'infanzia, via Adda*10")).toEqual([
      'scuol',
      'infanzi',
      'via',
      'adda',
      '10',
    ]);
    expect(texts('nido asili')).toEqual(['nido', 'asil']);
  });

  it('drops the final vowel of a word of five letters or more, not of a shorter one', () => {
    expect(texts('scuola')).toEqual(texts('scuole'));
    expect(texts('asilo')).toEqual(texts('asili'));
    expect(texts('nido')).toEqual(['nido']);
    expect(texts('sport')).toEqual(['sport']);
    expect(texts('2022')).toEqual(['2022']);
  });

  it('ignores case and accents', () => {
    expect(texts('università')).toEqual(['universit']);
    expect(texts('UNIVERSITÀ')).toEqual(['universit']);
    expect(texts('universita')).toEqual(['universit']);
    expect(texts('Città più')).toEqual(['citt', 'piu']);
    // Decomposed accents (a letter and a combining mark) are the same word.
    expect(texts('universita\u0300')).toEqual(['universit']);
  });

  it('leaves out short and grammatical words, unless there is nothing else', () => {
    expect(texts('scuole di milano e per la città')).toEqual(['scuol', 'milan', 'citt']);
    expect(texts('lotto 2 di via Adda 10')).toEqual(['lott', '2', 'via', 'adda', '10']);
    expect(texts('la')).toEqual(['la']);
    expect(texts('di e per')).toEqual(['di', 'e', 'per']);
  });

  it('lists a repeated word once', () => {
    expect(texts('scuola scuole SCUOLA')).toEqual(['scuol']);
  });

  it('marks a word shaped like a CUP with its code, in upper case', () => {
    expect(searchWords('b11c22000950006')).toEqual([
      { text: 'b11c22000950006', cup: 'B11C22000950006' },
    ]);
    expect(searchWords('  B11C22000950006 scuola ')).toEqual([
      { text: 'b11c22000950006', cup: 'B11C22000950006' },
      { text: 'scuol' },
    ]);
    // Fifteen letters are a word, not a code.
    expect(searchWords('particolarmente')).toEqual([{ text: 'particolarment' }]);
  });

  it('keeps a query of punctuation alone as one literal word, not as no word at all', () => {
    expect(searchWords('%')).toEqual([{ text: '%', literal: true }]);
    expect(texts('__')).toEqual(['__']);
    expect(texts(' %_ ')).toEqual(['%_']);
    expect(texts('   ')).toEqual([]);
  });

  it('folds the accents of upper and lower case letters', () => {
    expect(foldAccents('ÀÈÉÌÒÙàèéìòù ÇçÑñ')).toBe('aeeiouaeeiou ccnn');
  });

  it('finds a folded word in a text with or without its accents, in either case', () => {
    // The pattern is PostgreSQL's, for `~*`; the same classes of letters mean the same in JavaScript.
    const finds = (word: string, text: string) => new RegExp(wordPattern(word), 'iu').test(text);
    for (const text of [
      'UNIVERSITÀ',
      'Università degli Studi',
      "UNIVERSITA' STATALE",
      'universitari',
    ])
      expect(finds('universit', text), text).toBe(true);
    expect(finds('citt', 'CITTÀ METROPOLITANA')).toBe(true);
    expect(finds('perche', 'Perché no')).toBe(true);
    expect(finds('universit', 'unversita')).toBe(false);
    expect(wordPattern('citt')).toBe('[cçÇ][iìíîïÌÍÎÏ]tt');
    expect(wordPattern('10')).toBe('10');
    // Nothing but letters and digits reaches it from a query; anything else would be literal.
    expect(new RegExp(wordPattern('a.b'), 'iu').test('axb')).toBe(false);
  });
});
