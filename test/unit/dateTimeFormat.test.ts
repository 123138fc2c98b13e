import { describe, expect, it } from 'vitest';
import { dateTimeOptions } from '../../src/web/app/format.ts';

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
