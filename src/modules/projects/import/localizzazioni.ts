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
  type Raw,
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

/**
 * The share of the project that goes to the place, as a fraction of one with the six decimals of
 * the column. "Percentuale di Localizzazione" (2024–2026) is a percentage: `50,00` is a half, `0,50`
 * half of one per cent. A "Quota" of more than one is taken as a percentage too (`50` is 50 %).
 */
function share(raw: Raw): { value: Value; problem: Problem | null } {
  const percent = raw('share_percent');
  const column = percent !== null ? 'Percentuale di Localizzazione' : 'Quota localizzazione';
  const written = percent ?? raw('share');
  const read = euro(written, column);
  if (read.value === null)
    return {
      value: null,
      problem: read.problem && { code: 'number', column, value: quoted(written) },
    };
  const fraction = percent !== null || Number(read.value) > 1 ? hundredth(read.value) : read.value;
  const value = roundDecimal(fraction, 6, 9);
  return value === null
    ? { value, problem: { code: 'tooLarge', column, value: quoted(written) } }
    : { value, problem: null };
}

/**
 * A region's code with the two digits of ISTAT: the 2023 releases write `03`, the 2026 ones three
 * digits (`012` for Lazio, read as `12`). The special codes (`000`, `997`…) stay as they are.
 */
function regionCode(raw: string | null): Value {
  const t = trimmed(raw);
  if (t in specialRegions) return t;
  return /^[0-9]+$/.test(t) ? String(Number(t)).padStart(2, '0') : paddedCode(t, 2);
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
    const region = regionCode(raw('region'));
    const province = paddedCode(raw('province'), 3);
    const comune = paddedCode(raw('comune'), 3);
    const special =
      specialRegions[region ?? ''] ??
      (province === '000' ? 'all-provinces' : comune === '000' ? 'all-comuni' : null);
    const placeShare = share(raw);
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
