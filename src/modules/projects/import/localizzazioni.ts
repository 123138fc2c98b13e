import {
  projectKey,
  euro,
  paddedCode,
  problems,
  quoted,
  subMeasureCode,
  text,
  trimmed,
  type Problem,
  type RowKind,
  type Value,
} from './rows.ts';
import { hundredth, roundDecimal } from '../../../domain/italianNumbers.ts';
import { projectRowsImport } from './apply.ts';

const specialRegions: Record<string, string> = {
  '000': 'national',
  '997': 'multi-region',
  '998': 'abroad',
  '999': 'not-located',
};

/** A share of 50 is 50 %: written as a fraction of one, with the six decimals of the column. */
function share(raw: string | null): { value: Value; problem: Problem | null } {
  const column = 'Quota localizzazione';
  const read = euro(raw, column);
  if (read.value === null)
    return { value: null, problem: read.problem && { code: 'number', column, value: quoted(raw) } };
  const value = roundDecimal(Number(read.value) > 1 ? hundredth(read.value) : read.value, 6, 9);
  return value === null
    ? { value, problem: { code: 'tooLarge', column, value: quoted(raw) } }
    : { value, problem: null };
}

const columns = [
  ['cup', 'text'],
  ['local_code', 'text'],
  ['sub_measure_code', 'text'],
  ['region_code', 'text'],
  ['province_code', 'text'],
  ['comune_code', 'text'],
  ['special', 'text'],
  ['place_name', 'text'],
  ['address', 'text'],
  ['postcode', 'text'],
  ['share', 'numeric'],
] as const;

// The place's name is not part of what a location is: releases write it in other cases.
const hashed = [
  'cup',
  'local_code',
  'sub_measure_code',
  'region_code',
  'province_code',
  'comune_code',
  'special',
  'address',
  'postcode',
  'share',
];
const hashedAt = hashed.map((name) => columns.findIndex(([c]) => c === name));

/**
 * Localizzazioni: where each project is. The special codes of the releases (PNRR_Localizzazione
 * metadata): Regione 000 national, 997 multi-region, 998 abroad, 999 not located; Provincia or
 * Comune 000 = all of them. A project's locations are replaced by those of the newer file.
 */
export const localizzazioniRows: RowKind = {
  columns,
  hashed,
  read(raw, codes) {
    const key = projectKey(raw);
    const regionText = trimmed(raw('region'));
    const region = regionText in specialRegions ? regionText : paddedCode(regionText, 2);
    const province = paddedCode(raw('province'), 3);
    const comune = paddedCode(raw('comune'), 3);
    const special =
      specialRegions[region ?? ''] ??
      (province === '000' ? 'all-provinces' : comune === '000' ? 'all-comuni' : null);
    const placeShare = share(raw('share'));
    return {
      values: [
        key.cup,
        key.localCode,
        subMeasureCode(raw('sub_measure_code'), codes),
        region,
        province,
        special || province === null || comune === null ? null : province + comune,
        special,
        text(raw('place_name')),
        text(raw('address')),
        text(raw('postcode')),
        placeShare.value,
      ],
      problems: problems(
        ...key.problems,
        !/^[0-9]{2,3}$/.test(region ?? '') && {
          code: 'region',
          column: 'Codice Regione',
          value: quoted(region),
        },
        !/^[0-9]{3}$/.test(province ?? '') && {
          code: 'province',
          column: 'Codice Provincia',
          value: quoted(province),
        },
        !/^[0-9]{3}$/.test(comune ?? '') && {
          code: 'comune',
          column: 'Codice Comune',
          value: quoted(comune),
        },
        placeShare.problem,
      ),
    };
  },
  // Identical rows in one file describe one place once.
  sameThing: { key: (v) => hashedAt.map((i) => v[i] ?? '\u001e').join('\u001f'), keep: 'first' },
};

// A project touching the territory comes with all its locations: the even split needs them.
export const importLocalizzazioni = projectRowsImport(
  'project_locations',
  localizzazioniRows,
  'release',
);
