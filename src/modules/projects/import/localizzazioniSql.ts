import type { RawSession } from '../../../db/rawSession.ts';
import type { Col, KindResult } from './stage.ts';
import {
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
  await s.query(`
    CREATE TEMP TABLE norm ON COMMIT DROP AS
    SELECT x.*, md5(row(x.cup, x.local_code, x.sub_measure_code, x.region_code, x.province_code, x.comune_code, x.special, x.address, x.postcode, x.share)::text) AS row_hash
    FROM (
      SELECT st.rn,
        ${cupExpr(col('cup'))} AS cup,
        btrim(coalesce(${col('local_code')}, '')) AS local_code,
        coalesce(sa.sub_measure_code, sa.measure_code, metroplan_pnrr_code(${col('sub_measure_code')}), '') AS sub_measure_code,
        r.code AS region_code, p.code AS province_code,
        CASE WHEN r.code IN ('000', '997', '998', '999') OR p.code = '000' OR c.code = '000' THEN NULL ELSE p.code || c.code END AS comune_code,
        CASE r.code WHEN '000' THEN 'national' WHEN '997' THEN 'multi-region' WHEN '998' THEN 'abroad' WHEN '999' THEN 'not-located'
          ELSE CASE WHEN p.code = '000' THEN 'all-provinces' WHEN c.code = '000' THEN 'all-comuni' END END AS special,
        ${text(col('place_name'))} AS place_name, ${text(col('address'))} AS address, ${text(col('postcode'))} AS postcode,
        CASE WHEN metroplan_it_amount(${col('share')}) > 1 THEN metroplan_it_amount(${col('share')}) / 100 ELSE metroplan_it_amount(${col('share')}) END AS share,
        ${problemsArray([
          cupProblem(col('cup')),
          `CASE WHEN btrim(coalesce(${col('local_code')}, '')) = '' THEN 'Codice Locale Progetto is empty' END`,
          `CASE WHEN r.code !~ '^[0-9]{2,3}$' THEN 'Codice Regione "' || coalesce(r.code, '') || '" is not a region code' END`,
          `CASE WHEN p.code !~ '^[0-9]{3}$' THEN 'Codice Provincia "' || coalesce(p.code, '') || '" is not a province code' END`,
          `CASE WHEN c.code !~ '^[0-9]{3}$' THEN 'Codice Comune "' || coalesce(c.code, '') || '" is not a comune code' END`,
          `CASE WHEN NOT metroplan_it_amount_ok(${col('share')}) THEN 'the localisation share is not a number' END`,
        ])} AS problems
      FROM stage st
      CROSS JOIN LATERAL (SELECT CASE WHEN btrim(coalesce(${col('region')}, '')) IN ('000', '997', '998', '999') THEN btrim(${col('region')}) ELSE ${paddedCode(col('region'), 2)} END AS code) r
      CROSS JOIN LATERAL (SELECT ${paddedCode(col('province'), 3)} AS code) p
      CROSS JOIN LATERAL (SELECT ${paddedCode(col('comune'), 3)} AS code) c
      LEFT JOIN pnrr_code_aliases sa ON sa.alias = nullif(upper(btrim(coalesce(${col('sub_measure_code')}, ''))), '')
    ) x`);

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
