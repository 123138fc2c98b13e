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

/** Soggetti: who holds, programmes, implements or receives each project (by role and tax code). */
export async function importSoggetti(
  s: RawSession,
  col: Col,
  releaseId: string,
  scope: 'all' | 'territory',
): Promise<KindResult> {
  await s.query(`
    CREATE TEMP TABLE norm ON COMMIT DROP AS
    SELECT x.*, md5(row(x.cup, x.local_code, x.role_code, x.role, x.tax_code, x.name, x.legal_form, x.ateco_code)::text) AS row_hash
    FROM (
      SELECT st.rn,
        ${cupExpr(col('cup'))} AS cup,
        btrim(coalesce(${col('local_code')}, '')) AS local_code,
        ${paddedCode(col('role_code'), 2)} AS role_code,
        coalesce(${text(col('role'))}, '') AS role,
        CASE WHEN btrim(coalesce(${col('tax_code')}, '')) ~ '^[0-9]{1,11}$' THEN lpad(btrim(${col('tax_code')}), 11, '0')
             ELSE upper(btrim(coalesce(${col('tax_code')}, ''))) END AS tax_code,
        coalesce(${text(col('name'))}, '') AS name,
        ${text(col('legal_form'))} AS legal_form, ${text(col('ateco'))} AS ateco_code,
        ${problemsArray([
          cupProblem(col('cup')),
          `CASE WHEN btrim(coalesce(${col('local_code')}, '')) = '' THEN 'Codice Locale Progetto is empty' END`,
          `CASE WHEN btrim(coalesce(${col('role_code')}, '')) = '' THEN 'Ruolo soggetto is empty' END`,
          // Releases mask the tax code of natural persons with asterisks: such a row names nobody.
          `CASE WHEN btrim(coalesce(${col('tax_code')}, '')) ~ '^\\*+$' THEN 'Codice fiscale is masked in the release (a natural person): the subject cannot be identified'
                WHEN upper(btrim(coalesce(${col('tax_code')}, ''))) !~ '^([0-9]{1,11}|[A-Z0-9]{16})$' THEN 'Codice fiscale "' || left(coalesce(${col('tax_code')}, ''), 30) || '" is neither 11 digits nor 16 characters' END`,
          `CASE WHEN btrim(coalesce(${col('name')}, '')) = '' THEN 'Denominazione is empty' END`,
        ])} AS problems
      FROM stage st
    ) x`);
  await analyseNorm(s);
  const skipped =
    scope === 'territory'
      ? await keepTerritory(
          s,
          'SELECT 1 FROM project_locations l JOIN comuni c ON c.istat_code = l.comune_code WHERE l.cup = n.cup AND l.local_code = n.local_code',
        )
      : 0;
  // The same subject in the same role twice: the later row is the release's last word.
  const duplicates = await dropDuplicates(
    s,
    '(n.cup, n.local_code, n.role_code, n.tax_code) = (m.cup, m.local_code, m.role_code, m.tax_code)',
    'last',
  );
  return replaceProjectRows(
    s,
    'project_subjects',
    ['cup', 'local_code', 'role_code', 'role', 'tax_code', 'name', 'legal_form', 'ateco_code'],
    releaseId,
    duplicates,
    skipped,
  );
}
