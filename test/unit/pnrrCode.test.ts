import { describe, expect, it } from 'vitest';
import {
  buildPnrrCodeAliases,
  cleanPnrrCode,
  normalisePnrrCode,
  resolvePnrrCodeWith,
  type PnrrCodeRow,
} from '../../src/domain/pnrrCode.ts';
import { readFramework } from '../../src/modules/pnrr/referenceData.ts';

const measure = (measureCode: string) => ({ measureCode, subMeasureCode: null });
const sub = (measureCode: string, subMeasureCode: string) => ({ measureCode, subMeasureCode });

describe('the rule: the canonical form of a PNRR code is the short one', () => {
  it('keeps a short code as it is', () => {
    expect(normalisePnrrCode('M1C1I1.1')).toEqual(measure('M1C1I1.1'));
    expect(normalisePnrrCode('M1C1I1.3.1')).toEqual(sub('M1C1I1.3', 'M1C1I1.3.1'));
    expect(normalisePnrrCode('M1C1R1.9BIS')).toEqual(measure('M1C1R1.9BIS'));
    expect(normalisePnrrCode('M2C4I2.1.A1')).toEqual(sub('M2C4I2.1', 'M2C4I2.1.A1'));
  });

  it('drops the zeros that pad the measure number, and only those', () => {
    expect(normalisePnrrCode('M1C1I1.01')).toEqual(measure('M1C1I1.1'));
    expect(normalisePnrrCode('M1C1I1.10')).toEqual(measure('M1C1I1.10'));
    expect(normalisePnrrCode('M7C1I01.1')).toEqual(measure('M7C1I1.1'));
  });

  it('reads a padded sub-measure as its measure and its sub-measure', () => {
    expect(normalisePnrrCode('M1C1I1.03.01')).toEqual(sub('M1C1I1.3', 'M1C1I1.3.1'));
    expect(normalisePnrrCode('M1C3I1.01.12')).toEqual(sub('M1C3I1.1', 'M1C3I1.1.12'));
  });

  it('reads the sub-measure .00 as the measure itself', () => {
    expect(normalisePnrrCode('M1C1I1.01.00')).toEqual(measure('M1C1I1.1'));
    expect(normalisePnrrCode('M7C1I01.1.00')).toEqual(measure('M7C1I1.1'));
  });

  it('reads the measure number .00 as no number', () => {
    expect(normalisePnrrCode('M1C1I3.00')).toEqual(measure('M1C1I3'));
    expect(normalisePnrrCode('M1C1I3.00.01')).toEqual(sub('M1C1I3', 'M1C1I3.1'));
    expect(normalisePnrrCode('M1C2R3.00.00')).toEqual(measure('M1C2R3'));
  });

  it('ignores case and spaces', () => {
    expect(cleanPnrrCode(' m1c1 i1.01 ')).toBe('M1C1I1.01');
    expect(normalisePnrrCode(' m1c1 i1.01 ')).toEqual(measure('M1C1I1.1'));
    expect(normalisePnrrCode('m1c1r1.9bis')).toEqual(measure('M1C1R1.9BIS'));
  });

  it('reports what is not shaped like a PNRR code as null', () => {
    for (const input of [
      '',
      '   ',
      'M1',
      'M1C1',
      'X1C1I1.1',
      'M1C1X1.1',
      'M0C1I1.1',
      'M1C1I00.1',
      'M1C1I1..1',
      'M1C1I1.1.1.1',
      'M1C1I1.1-',
      'M7I1',
      'CUP J41B21000000006',
    ])
      expect(normalisePnrrCode(input), input).toBeNull();
  });
});

/** Real rows of pnrr_misure_quadro_finanziario_2025.csv: id_misura; codice_univoco_misura; id_submisura; codice_cid; codice_univoco_submisura; tipo_livello. */
const realRows = `
M1C1I1.1;M1C1I1.01;M1C1I1.1;M1C1I1.1;M1C1I1.01.00;Misura
M1C1I1.3;M1C1I1.03;M1C1I1.3.1;M1C1I1.3.1;M1C1I1.03.01;Submisura
M1C1I1.3;M1C1I1.03;M1C1I1.3.2;M1C1I1.3.2;M1C1I1.03.02;Submisura
M1C1I2.1;M1C1I2.01;M1C1I2.1.1;M1C1R1.9;M1C1I2.01.01;Submisura
M1C1I3;M1C1I3.00;M1C1I3.1;M1C1I1.8;M1C1I3.00.01;Submisura
M1C1I3;M1C1I3.00;M1C1I3.2;M1C1I1.8;M1C1I3.00.02;Submisura
M1C1R1.9;M1C1R1.09;M1C1R1.9;M1C1R1.9;M1C1R1.09.00;Misura
M1C1R1.9A;M1C1R1.19;M1C1R1.9A;M1C1R1.9;M1C1R1.19.00;Misura
M1C1R1.9BIS;M1C1R1.91;M1C1R1.9BIS;M1C1R1.9BIS;M1C1R1.91.00;Misura
M1C1R2.1;M1C1R2.01;M1C1R2.1;M1C1R1.9;M1C1R2.01.00;Misura
M2C4I2.1;M2C4I2.01;M2C4I2.1.A1;M2C4I2.1.A;M2C4I2.01.A1;Submisura
M2C4I2.1;M2C4I2.01;M2C4I2.1.A2;M2C4I2.1.A;M2C4I2.01.A2;Submisura
M2C4I2.1;M2C4I2.01;M2C4I2.1.B;M2C4I2.1.B;M2C4I2.01.02;Submisura
M4C2I2.2BIS;M4C2I2.04;M4C2I2.2BIS;M4C2I2.2BIS;M4C2I2.04.00;Misura
M5C2I2.2;M5C2I2.02;M5C2I2.2.A;M5C2I5;M5C2I2.02.01;Submisura
M5C2I2.2;M5C2I2.02;M5C2I2.2.B;M5C2I5;M5C2I2.02.02;Submisura
M7C1I15.1;M7C1I15.1;M7C1I15.1;M7I15;M7C1I15.1.01;Submisura
M7C1I15.1;M7C1I15.1;M7C1I15.2;M7I15;M7C1I15.1.02;Submisura`
  .trim()
  .split('\n')
  .map((line): PnrrCodeRow => {
    const [idMisura, codiceUnivocoMisura, idSubmisura, codiceCid, codiceUnivocoSubmisura, level] =
      line.split(';') as [string, string, string, string, string, string];
    return {
      idMisura,
      codiceUnivocoMisura,
      idSubmisura,
      codiceCid,
      codiceUnivocoSubmisura,
      isSubMeasure: level === 'Submisura',
    };
  });

const table = buildPnrrCodeAliases(realRows);
const aliases = new Map(table.aliases.map((a) => [a.alias, a]));
const resolve = (code: string) => resolvePnrrCodeWith(code, aliases);

describe('the alias table built from the official file', () => {
  it('maps every code of a measure without sub-measures to the measure', () => {
    for (const code of ['M1C1I1.1', 'M1C1I1.01', 'M1C1I1.01.00'])
      expect(resolve(code), code).toEqual(measure('M1C1I1.1'));
  });

  it('maps the irregular padded measure codes to their short codes', () => {
    expect(resolve('M1C1R1.19')).toEqual(measure('M1C1R1.9A'));
    expect(resolve('M1C1R1.19.00')).toEqual(measure('M1C1R1.9A'));
    expect(resolve('M1C1R1.91')).toEqual(measure('M1C1R1.9BIS'));
    expect(resolve('M4C2I2.04')).toEqual(measure('M4C2I2.2BIS'));
    expect(resolve('M1C1I3.00')).toEqual(measure('M1C1I3'));
  });

  it('maps the irregular sub-measure codes to their short codes', () => {
    expect(resolve('M2C4I2.01.A1')).toEqual(sub('M2C4I2.1', 'M2C4I2.1.A1'));
    expect(resolve('M2C4I2.01.02')).toEqual(sub('M2C4I2.1', 'M2C4I2.1.B'));
    expect(resolve('M5C2I2.02.01')).toEqual(sub('M5C2I2.2', 'M5C2I2.2.A'));
    expect(resolve('M7C1I15.1.02')).toEqual(sub('M7C1I15.1', 'M7C1I15.2'));
  });

  it("prefers a measure's own code to a CID code that reuses it", () => {
    // M1C1R1.9 is a measure, and the CID code of M1C1I2.1.1, M1C1R1.9A and M1C1R2.1 too.
    expect(resolve('M1C1R1.9')).toEqual(measure('M1C1R1.9'));
  });

  it('prefers the measure to its sub-measure when both have the same short code', () => {
    expect(resolve('M7C1I15.1')).toEqual(measure('M7C1I15.1'));
    expect(resolve('M7C1I15.1.01')).toEqual(sub('M7C1I15.1', 'M7C1I15.1'));
  });

  it('names the measure when a CID code is shared by several of its sub-measures', () => {
    expect(resolve('M1C1I1.8')).toEqual(measure('M1C1I3'));
    expect(resolve('M7I15')).toEqual(measure('M7C1I15.1'));
    expect(resolve('M2C4I2.1.A')).toEqual(measure('M2C4I2.1'));
  });

  it('names the sub-measure when a CID code is its alone', () => {
    expect(resolve('M1C1I2.1.1')).toEqual(sub('M1C1I2.1', 'M1C1I2.1.1'));
  });

  it('reports a code that names different measures at the same precedence as ambiguous', () => {
    const withoutR19 = realRows.filter((r) => r.idMisura !== 'M1C1R1.9');
    const { aliases: list, ambiguous } = buildPnrrCodeAliases(withoutR19);
    expect(list.find((a) => a.alias === 'M1C1R1.9')).toBeUndefined();
    expect(ambiguous).toEqual([
      {
        alias: 'M1C1R1.9',
        source: 'codice_cid',
        measureCodes: ['M1C1I2.1', 'M1C1R1.9A', 'M1C1R2.1'],
      },
    ]);
  });

  it('looks a code up in the table before applying the rule, whatever its case and spaces', () => {
    expect(normalisePnrrCode('M1C1R1.19')).toEqual(measure('M1C1R1.19'));
    expect(resolve(' m1c1r1.19 ')).toEqual(measure('M1C1R1.9A'));
  });

  it('falls back to the rule for a code the file does not write', () => {
    expect(resolve('M1C1I1.001.0')).toEqual(measure('M1C1I1.1'));
    expect(resolve('M1C1I1.3.01')).toEqual(sub('M1C1I1.3', 'M1C1I1.3.1'));
    expect(resolve('not a code')).toBeNull();
  });
});

describe('the alias table of the 2025 financial framework', () => {
  const rows = readFramework();
  const built = buildPnrrCodeAliases(rows);
  const all = new Map(built.aliases.map((a) => [a.alias, a]));

  it('has no ambiguous code', () => {
    expect(built.ambiguous).toEqual([]);
  });

  it('resolves the measure codes of every row, short and padded, to its measure', () => {
    for (const row of rows) {
      expect(resolvePnrrCodeWith(row.idMisura, all)?.measureCode).toBe(row.idMisura);
      expect(resolvePnrrCodeWith(row.codiceUnivocoMisura, all)?.measureCode).toBe(row.idMisura);
    }
  });

  it('resolves the sub-measure codes of every sub-measure row, short and padded, to it', () => {
    const subRows = rows.filter((r) => r.isSubMeasure);
    expect(subRows).toHaveLength(129);
    for (const row of subRows) {
      const expected = sub(row.idMisura, row.idSubmisura);
      expect(resolvePnrrCodeWith(row.codiceUnivocoSubmisura, all)).toEqual(expected);
      // The one exception is the sub-measure that shares its measure's code (M7C1I15.1).
      if (row.idSubmisura !== row.idMisura)
        expect(resolvePnrrCodeWith(row.idSubmisura, all)).toEqual(expected);
    }
  });
});
