import {
  projectKey,
  empty,
  paddedCode,
  problems,
  quoted,
  taxCode,
  text,
  trimmed,
  type RowKind,
} from './rows.ts';
import { projectRowsImport } from './apply.ts';

/** Soggetti: who holds, programmes, implements or receives each project (by role and tax code). */
export const soggettiRows: RowKind = {
  columns: [
    ['cup', 'text'],
    ['local_code', 'text'],
    ['role_code', 'text'],
    ['role', 'text'],
    ['tax_code', 'text'],
    ['name', 'text'],
    ['legal_form', 'text'],
    ['ateco_code', 'text'],
  ],
  read(raw) {
    const key = projectKey(raw);
    const roleCode = paddedCode(raw('role_code'), 2);
    const tax = taxCode(raw('tax_code')) ?? '';
    const name = text(raw('name'));
    return {
      values: [
        key.cup,
        key.localCode,
        roleCode,
        text(raw('role')) ?? '',
        tax,
        name ?? '',
        text(raw('legal_form')),
        text(raw('ateco')),
      ],
      problems: problems(
        ...key.problems,
        roleCode === null && empty('Ruolo soggetto'),
        // Releases mask the tax code of natural persons with asterisks: such a row names nobody.
        /^\*+$/.test(trimmed(raw('tax_code')))
          ? { code: 'taxCodeMasked' }
          : !/^([0-9]{1,11}|[A-Z0-9]{16})$/.test(trimmed(raw('tax_code')).toUpperCase()) && {
              code: 'taxCode',
              value: quoted(raw('tax_code'), 30),
            },
        trimmed(raw('name')) === '' && empty('Denominazione'),
      ),
    };
  },
  // The same subject in the same role twice: the later row is the release's last word.
  sameThing: { key: (v) => `${v[0]}\u001f${v[1]}\u001f${v[2]}\u001f${v[4]}`, keep: 'last' },
};

export const importSoggetti = projectRowsImport('project_subjects', soggettiRows, 'stored');
