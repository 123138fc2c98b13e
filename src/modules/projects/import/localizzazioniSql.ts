import type { RawSession } from '../../../db/rawSession.ts';
import type { Col, KindResult } from './stage.ts';
import {
  analyseNorm,
  cupExpr,
  cupProblem,
  dropDuplicates,
  keepTerritory,
  paddedCode,
  problemsArray,
  replaceProjectRows,
  text,
} from './stage.ts';

/**
 * Localizzazioni: where each project is. The special codes of the releases (PNRR_Localizzazione
 * metadata): Regione 000 national, 997 multi-region, 998 abroad, 999 not located; Provincia or
 * Comune 000 = all of them. A project's locations are replaced by those of the newer file.
 */
export async function importLocalizzazioni(
  s: RawSession,
  col: Col,
  releaseId: string,
  scope: 'all' | 'territory',
): Promise<KindResult> {
  // Three levels, each computed once (OFFSET 0 keeps PostgreSQL from merging them, which would
  // repeat the codes' regular expressions wherever a code is used): the values read from the row,
  // what they mean, and the row's hash.
  await s.query(`
    CREATE TEMP TABLE norm ON COMMIT DROP AS
    SELECT y.*, md5(row(y.cup, y.local_code, y.sub_measure_code, y.region_code, y.province_code, y.comune_code, y.special, y.address, y.postcode, y.share)::text) AS row_hash
    FROM (
      SELECT x.rn, x.cup, x.local_code, x.sub_measure_code, x.region AS region_code, x.province AS province_code,
        CASE WHEN x.region IN ('000', '997', '998', '999') OR x.province = '000' OR x.comune = '000' THEN NULL ELSE x.province || x.comune END AS comune_code,
        CASE x.region WHEN '000' THEN 'national' WHEN '997' THEN 'multi-region' WHEN '998' THEN 'abroad' WHEN '999' THEN 'not-located'
          ELSE CASE WHEN x.province = '000' THEN 'all-provinces' WHEN x.comune = '000' THEN 'all-comuni' END END AS special,
        x.place_name, x.address, x.postcode,
        CASE WHEN x.share > 1 THEN x.share / 100 ELSE x.share END AS share,
        ${problemsArray([
          cupProblem('x.raw_cup'),
          `CASE WHEN x.local_code = '' THEN 'Codice Locale Progetto is empty' END`,
          `CASE WHEN x.region !~ '^[0-9]{2,3}$' THEN 'Codice Regione "' || coalesce(x.region, '') || '" is not a region code' END`,
          `CASE WHEN x.province !~ '^[0-9]{3}$' THEN 'Codice Provincia "' || coalesce(x.province, '') || '" is not a province code' END`,
          `CASE WHEN x.comune !~ '^[0-9]{3}$' THEN 'Codice Comune "' || coalesce(x.comune, '') || '" is not a comune code' END`,
          `CASE WHEN x.share IS NULL AND NOT metroplan_blank(x.raw_share) THEN 'the localisation share is not a number' END`,
        ])} AS problems
      FROM (
        SELECT st.rn, ${col('cup')} AS raw_cup, ${col('share')} AS raw_share,
          ${cupExpr(col('cup'))} AS cup,
          btrim(coalesce(${col('local_code')}, '')) AS local_code,
          coalesce(sa.sub_measure_code, sa.measure_code, metroplan_pnrr_code(${col('sub_measure_code')}), '') AS sub_measure_code,
          CASE WHEN btrim(coalesce(${col('region')}, '')) IN ('000', '997', '998', '999') THEN btrim(${col('region')}) ELSE ${paddedCode(col('region'), 2)} END AS region,
          ${paddedCode(col('province'), 3)} AS province,
          ${paddedCode(col('comune'), 3)} AS comune,
          ${text(col('place_name'))} AS place_name, ${text(col('address'))} AS address, ${text(col('postcode'))} AS postcode,
          metroplan_it_amount(${col('share')}) AS share
        FROM stage st
        LEFT JOIN pnrr_code_aliases sa ON sa.alias = nullif(upper(btrim(coalesce(${col('sub_measure_code')}, ''))), '')
        OFFSET 0
      ) x
      OFFSET 0
    ) y`);
  await analyseNorm(s);

  // A project touching the territory comes with all its locations: the even split needs them.
  const skipped =
    scope === 'territory'
      ? await keepTerritory(
          s,
          'SELECT 1 FROM norm m JOIN comuni c ON c.istat_code = m.comune_code WHERE m.cup = n.cup AND m.local_code = n.local_code',
        )
      : 0;
  // Identical rows in one file describe one place once.
  const duplicates = await dropDuplicates(s, 'n.row_hash = m.row_hash', 'first');
  return replaceProjectRows(
    s,
    'project_locations',
    [
      'cup',
      'local_code',
      'sub_measure_code',
      'region_code',
      'province_code',
      'comune_code',
      'special',
      'place_name',
      'address',
      'postcode',
      'share',
    ],
    releaseId,
    duplicates,
    skipped,
  );
}
