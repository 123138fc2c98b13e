import { describe, expect, it } from 'vitest';
import { minSharedWordLength, suggestionStopWords } from '../../src/domain/suggestionWords.ts';

describe('the words a suggested link may not be based on', () => {
  it('holds the generic words of public works and of the programme', () => {
    const words = suggestionStopWords('Milano');
    for (const word of ['progetto', 'intervento', 'comune', 'pnrr', 'milano'])
      expect(words).toContain(word);
  });

  it('names the capoluogo of each metropolitan city, each word of it, in lower case', () => {
    const words = suggestionStopWords('Reggio di Calabria');
    expect(words).toEqual(expect.arrayContaining(['reggio', 'calabria']));
    expect(words).not.toContain('milano');
  });

  it('lists each word once, and none that the length rule drops anyway', () => {
    const words = suggestionStopWords('Bari');
    expect(new Set(words).size).toBe(words.length);
    expect(words.filter((word) => word.length < minSharedWordLength)).toEqual([]);
  });
});
