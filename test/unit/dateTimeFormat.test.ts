import { describe, expect, it } from 'vitest';
import { dateTimeOptions, formatters } from '../../src/web/app/format.ts';

describe('a moment shown in the interface', () => {
  const moment = new Date(2026, 10, 30, 13, 7);

  it('has its full year in Italian, not the ambiguous 30/11/26', () => {
    expect(new Intl.DateTimeFormat('it-IT', dateTimeOptions).format(moment)).toBe(
      '30/11/2026, 13:07',
    );
  });

  it('reads the same way in English', () => {
    expect(new Intl.DateTimeFormat('en-GB', dateTimeOptions).format(moment)).toBe(
      '30/11/2026, 13:07',
    );
  });
});

describe('a day without a time', () => {
  it('is the same day west of Greenwich, where midnight UTC is the evening before', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(formatters('it-IT').date('2024-01-10')).toBe('10 gennaio 2024');
      expect(formatters('en-GB').date('2024-01-10')).toBe('10 January 2024');
      // A moment keeps the reader's zone: 02:00 UTC on the 10th is the 9th in New York.
      expect(formatters('en-GB').date('2024-01-10T02:00:00Z')).toBe('9 January 2024');
    } finally {
      process.env.TZ = zone;
    }
  });
});
