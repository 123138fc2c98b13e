import { describe, expect, it } from 'vitest';
import { grouping } from '../../src/web/app/i18n.ts';

describe('a figure shown in the interface', () => {
  it('groups its thousands from four digits on, as the larger figures of its column', () => {
    const italian = new Intl.NumberFormat('it-IT', grouping);
    expect([4733, 33042].map((n) => italian.format(n))).toEqual(['4.733', '33.042']);
    expect(new Intl.NumberFormat('en-GB', grouping).format(4733)).toBe('4,733');
    expect(
      new Intl.NumberFormat('it-IT', { ...grouping, style: 'currency', currency: 'EUR' }).format(
        4733,
      ),
    ).toBe('4.733,00\u00a0€');
  });
});
