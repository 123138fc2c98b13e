import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisePnrrCode } from '../../src/domain/pnrrCode.ts';
import { parseItalianAmount, parseItalianDate } from '../../src/domain/italianNumbers.ts';
import { startTestApp, type TestApp } from '../support/testApp.ts';

/**
 * Imports normalise whole files in SQL (migration 0005); forms and reports use the TypeScript
 * rules in domain/. The two must read every value the same way.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function scalar<T>(query: ReturnType<typeof sql>): Promise<T> {
  const result = (await t.ctx.db.execute(query)) as unknown as { rows: { v: T }[] };
  return result.rows[0]!.v;
}

const amounts = [
  '114.000.000',
  '67100,00',
  ' 600.000.000,00 ',
  '900000000,00',
  '1.234,5',
  '-12,30',
  '+5',
  '0',
  '0,00',
  'N/D',
  'n/a',
  'n.d.',
  'N.A.',
  '-',
  '–',
  '',
  '12a',
  '1,2,3',
  '1.23',
  '1.2345',
  ',5',
  '1.234.56',
];

describe('the SQL import rules agree with the domain rules', () => {
  it.each(amounts)('reads the amount %j the same way', async (raw) => {
    const domain = parseItalianAmount(raw);
    const value = await scalar<string | null>(sql`select metroplan_it_amount(${raw})::text as v`);
    const ok = await scalar<boolean>(sql`select metroplan_it_amount_ok(${raw}) as v`);
    expect(value === null ? null : Number(value)).toBe(domain.value);
    expect(ok).toBe(domain.problem === null);
  });

  it.each([
    '21/02/2023',
    '1/3/2024',
    '29/02/2024',
    '29/02/2023',
    '31/04/2024',
    ' 21/02/2023 ',
    '00/01/2024',
    '1/13/2024',
    '31/12/0000',
    '2023-02-21',
    '21/02/23',
    'N/D',
    '',
  ])('reads the date %j the same way', async (raw) => {
    const value = await scalar<string | null>(
      sql`select to_char(metroplan_it_date(${raw}), 'YYYY-MM-DD') as v`,
    );
    const domain = parseItalianDate(raw);
    // The SQL reads only dd/mm/yyyy, the form of the 2023 releases.
    expect(value).toBe(raw.includes('-') ? null : domain);
  });

  it.each([
    'M1C1I1.02.00',
    'M1C1I1.03.01',
    'm2c2i1.03',
    'M1C1I1.2',
    'M7C1I01.1',
    ' m1c1i1.03.01 ',
    'M1C1I1.10.00',
    'M1C1R1.01',
    'M2C4I2.1.10',
  ])('normalises the PNRR code %j the same way', async (raw) => {
    const value = await scalar<string | null>(sql`select metroplan_pnrr_code(${raw}) as v`);
    const domain = normalisePnrrCode(raw);
    expect(value).toBe(domain ? (domain.subMeasureCode ?? domain.measureCode) : null);
  });
});

describe('the SQL import rules stay cheap', () => {
  it.each([
    ['metroplan_it_amount', 'metroplan_it_amount_ok', 'metroplan_it_date', 'metroplan_pnrr_code'],
    ['metroplan_iso_date', 'metroplan_dot_amount', 'metroplan_dot_amount_ok', 'metroplan_blank'],
  ])('PostgreSQL inlines %s and the others into the statements that use them', async (...fns) => {
    // A called SQL function costs microseconds a row (160 µs for a PNRR code on PostgreSQL 15);
    // an inlined one is part of the statement's own expression.
    const result = (await t.ctx.db.execute(
      sql.raw(
        `EXPLAIN (VERBOSE, COSTS OFF) SELECT ${fns.map((f) => `${f}(v.c)`).join(', ')} FROM (VALUES ('1'), ('2')) v(c)`,
      ),
    )) as unknown as { rows: Record<string, string>[] };
    const plan = result.rows.map((r) => Object.values(r)[0]).join('\n');
    expect(plan).toContain("~ '^");
    // Nor any function they use (metroplan_valid_date, metroplan_blank).
    expect(plan).not.toMatch(/metroplan_/);
  });
});

describe('the SQL readers of the 2025 releases', () => {
  it.each([
    ['2025-02-21', '2025-02-21'],
    [' 2025-02-21 ', '2025-02-21'],
    ['2024-02-29', '2024-02-29'],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['2025-2-1', null],
    ['21/02/2025', null],
    ['', null],
  ])('reads the ISO date %j as %j', async (raw, expected) => {
    expect(
      await scalar<string | null>(
        sql`select to_char(metroplan_iso_date(${raw}), 'YYYY-MM-DD') as v`,
      ),
    ).toBe(expected);
  });

  it.each([
    ['1234.56', '1234.56', true],
    [' -5 ', '-5', true],
    ['1.234,56', null, false],
    ['N/D', null, true],
    ['', null, true],
    ['12a', null, false],
  ])('reads the amount with a decimal point %j', async (raw, value, ok) => {
    expect(await scalar<string | null>(sql`select metroplan_dot_amount(${raw})::text as v`)).toBe(
      value,
    );
    expect(await scalar<boolean>(sql`select metroplan_dot_amount_ok(${raw}) as v`)).toBe(ok);
  });
});
