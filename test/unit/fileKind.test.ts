import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../src/web/modules/projects/admin/fileKind.ts';

const firstLine = (name: string) =>
  readFileSync(`reference-data/pnrr/${name}`, 'utf8').split('\n')[0]!.replace(/\r$/, '');

describe('the kind of a file, as the upload page guesses it', () => {
  it('recognises each bundled release from its header', () => {
    for (const [name, kind] of [
      ['PNRR_Localizzazione_MI_validati_2023-02.csv', 'localizzazioni'],
      ['PNRR_Progetti_MI_validati_2023-02.csv', 'progetti'],
      ['PNRR_Soggetti_MI_validati_2023-02.csv', 'soggetti'],
      ['pnrr_pagamenti_progetti_MI_2025-03.csv', 'pagamenti'],
      ['pnrr_indicatori_target_progetti_MI_2025-03.csv', 'indicatori'],
    ] as const)
      expect(kindOf(name, firstLine(name)), name).toBe(kind);
  });

  it('does not call a table of the PNRR or a release’s metadata a release, whatever its name', () => {
    // Their names say "Localizzazione" and "indicatori", and the mapping has a "codice indicatore"
    // column; neither names a project, and the server refuses both.
    for (const name of [
      'PNRR_Localizzazione_metadati_campi.csv',
      'pnrr_mappatura_indicatori_target_2025.csv',
      'pnrr_misure_quadro_finanziario_2025.csv',
    ])
      expect(kindOf(name, firstLine(name)), name).toBe('unknown');
  });

  it('goes by the name when the header names projects but no column tells the kind', () => {
    expect(kindOf('PNRR_Soggetti_2026.csv', 'CUP;Codice Locale Progetto;Altro')).toBe('soggetti');
    expect(kindOf('export.csv', 'CUP;Codice Locale Progetto;Altro')).toBe('unknown');
  });
});
