import { Type } from 'typebox';
import { Nullable, Text, Uuid } from '../../server/schemas.ts';

export const tags = ['projects'];
export const Money = Nullable(Type.Number());
export const ComuneRef = Type.Object({ code: Type.String(), name: Type.String() });

export const summaryProps = {
  id: Type.String(),
  cup: Type.String(),
  localCode: Type.String(),
  title: Type.String(),
  programme: Type.String(),
  mission: Nullable(Type.String()),
  measureCode: Nullable(Type.String()),
  subMeasureCode: Type.String(),
  implementer: Nullable(Type.String()),
  fundingPnrr: Money,
  fundingTotal: Money,
  comuni: Type.Array(ComuneRef),
  locations: Type.Integer(),
};

export const Project = Type.Object({
  ...summaryProps,
  summary: Nullable(Type.String()),
  component: Nullable(Type.String()),
  owner: Nullable(Type.String()),
  implementerTaxCode: Nullable(Type.String()),
  cupStatus: Nullable(Type.String()),
  nature: Nullable(Type.String()),
  typology: Nullable(Type.String()),
  sector: Nullable(Type.String()),
  procedure: Nullable(Type.String()),
  funding: Type.Object(
    {
      pnrr: Money,
      pnc: Money,
      euOther: Money,
      state: Money,
      region: Money,
      province: Money,
      comune: Money,
      otherPublic: Money,
      private: Money,
      toFind: Money,
      other: Money,
      total: Money,
      totalPublic: Money,
    },
    { description: 'euro by source; null = not stated by the release (not zero)' },
  ),
  sourceUpdatedAt: Nullable(Type.String()),
  progress: Nullable(Type.String()),
  startPlanned: Nullable(Type.String({ format: 'date' })),
  startActual: Nullable(Type.String({ format: 'date' })),
  endPlanned: Nullable(Type.String({ format: 'date' })),
  endActual: Nullable(Type.String({ format: 'date' })),
  release: Nullable(
    Type.Object({
      id: Type.String(),
      fileName: Type.String(),
      releaseDate: Nullable(Type.String()),
      sha256: Type.String(),
      importedAt: Type.String(),
    }),
  ),
  placesOutsideComuni: Type.Array(
    Type.Object({
      special: Nullable(Type.String()),
      regionCode: Nullable(Type.String()),
      provinceCode: Nullable(Type.String()),
      placeName: Nullable(Type.String()),
    }),
  ),
  subjects: Type.Array(
    Type.Object({
      roleCode: Type.String(),
      role: Type.String(),
      taxCode: Type.String(),
      name: Type.String(),
      legalForm: Nullable(Type.String()),
    }),
  ),
  isManual: Type.Boolean(),
  orgUnit: Nullable(
    Type.Object(
      { id: Type.String(), name: Type.String() },
      { description: 'the org unit of the metropolitan city that follows the project' },
    ),
  ),
  version: Type.Integer(),
  payments: Nullable(
    Type.Object({
      paidTotal: Money,
      paidPnrr: Money,
      fundingTotal: Money,
      fundingPnrr: Money,
      extractedOn: Nullable(Type.String()),
    }),
  ),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      description: Type.String(),
      unit: Nullable(Type.String()),
      kind: Nullable(Type.String()),
      planned: Nullable(Type.Number()),
      achieved: Nullable(Type.Number()),
      month: Nullable(Type.String()),
      year: Nullable(Type.Integer()),
    }),
  ),
});

export const ImportReport = Type.Object({
  releaseId: Type.String(),
  file: Type.String(),
  kind: Type.String(),
  scope: Type.String(),
  encoding: Type.String(),
  separator: Type.String(),
  sha256: Type.String(),
  releaseDate: Nullable(Type.String()),
  rowsRead: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  removed: Type.Integer(),
  skipped: Type.Integer({ description: 'valid rows outside the territory, with scope=territory' }),
  rejected: Type.Integer(),
  rejectedRows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      reasons: Type.Array(Type.String(), { description: 'why, in English' }),
      problems: Type.Optional(
        Type.Array(
          Type.Object({
            code: Type.String({
              description:
                'cup | empty | amount | pointAmount | number | tooLarge | date | region | province | comune | taxCodeMasked | taxCode | replaced | fieldCount',
            }),
            column: Type.Optional(Type.String({ description: "the file's column" })),
            value: Type.Optional(Type.String({ description: 'what the row had there' })),
            row: Type.Optional(Type.Integer({ description: 'the row that replaces this one' })),
            fields: Type.Optional(Type.Integer({ description: 'how many fields the row has' })),
            width: Type.Optional(Type.Integer({ description: 'how many fields the header has' })),
          }),
          { description: 'why, as data, for a reader in another language' },
        ),
      ),
    }),
  ),
  changes: Type.Array(Type.Object({ key: Type.String(), fields: Type.Array(Type.String()) })),
  absent: Type.Optional(
    Type.Object(
      {
        count: Type.Integer(),
        keys: Type.Array(Type.String(), {
          description: 'CUP, codice locale, sub-measure; the first 200',
        }),
      },
      {
        description:
          'Progetti only: projects stored from earlier releases that this file does not list (kept as they are)',
      },
    ),
  ),
  unknownColumns: Type.Array(Type.String()),
  durationMs: Type.Integer(),
});

export const Lorenz = Type.Array(Type.Object({ population: Type.Number(), amount: Type.Number() }));
export const Analytics = Type.Object({
  amount: Type.String(),
  totals: Type.Object({
    allocatedEur: Type.Number(),
    outsideEur: Type.Number({
      description: 'the part of these projects located outside the comuni',
    }),
    projects: Type.Number({ description: 'projects counted by their share in each comune' }),
    perResident: Nullable(Type.Number()),
    comuniWithProjects: Type.Integer(),
  }),
  comuni: Type.Array(
    Type.Object({
      istatCode: Type.String(),
      name: Type.String(),
      zoneId: Nullable(Type.String()),
      population: Nullable(Type.Integer()),
      eur: Type.Number(),
      projects: Type.Number(),
      perResident: Nullable(Type.Number()),
    }),
  ),
  zones: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      population: Type.Number(),
      eur: Type.Number(),
      projects: Type.Number(),
      perResident: Nullable(Type.Number()),
      comuniCount: Type.Integer(),
    }),
  ),
  concentration: Type.Object({
    gini: Type.Number(),
    lorenz: Lorenz,
    shareToComuniUnder5k: Type.Number(),
    shareToComuniUnder15k: Type.Number(),
    populationShareUnder5k: Type.Number(),
    populationShareUnder15k: Type.Number(),
  }),
  sources: Type.Array(
    Type.Object({
      fileName: Type.String(),
      kind: Type.String(),
      releaseDate: Nullable(Type.String()),
      sha256: Type.String(),
    }),
  ),
});

export const projectFilters = {
  q: Type.Optional(Text(120, 2)),
  mission: Type.Optional(Type.String({ pattern: '^M[1-7]$' })),
  measure: Type.Optional(Type.String({ pattern: '^M[1-7]C[0-9][IR][0-9A-Z.]{1,14}$' })),
  comune: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  zone: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 })),
  subject: Type.Optional(Text(120, 2)),
  orgUnit: Type.Optional(Uuid),
};

export const Amount = Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e12 })));
export const manualProps = {
  localCode: Type.Optional(Nullable(Text(60, 1))),
  title: Type.Optional(Text(500, 3)),
  summary: Type.Optional(Nullable(Text(5000))),
  programme: Type.Optional(Text(80, 2)),
  mission: Type.Optional(Nullable(Type.String({ pattern: '^M[1-7]$' }))),
  measure: Type.Optional(Nullable(Type.String({ maxLength: 24 }))),
  implementer: Type.Optional(Nullable(Text(300))),
  cupStatus: Type.Optional(Nullable(Text(40))),
  progress: Type.Optional(Nullable(Text(80))),
  startPlanned: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  startActual: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  endPlanned: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  endActual: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  orgUnitId: Type.Optional(Nullable(Uuid)),
  comuni: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{6}$' }), { maxItems: 500 })),
  funding: Type.Optional(
    Type.Object(
      {
        pnrr: Amount,
        pnc: Amount,
        euOther: Amount,
        state: Amount,
        region: Amount,
        province: Amount,
        comune: Amount,
        otherPublic: Amount,
        private: Amount,
        toFind: Amount,
        other: Amount,
      },
      { additionalProperties: false },
    ),
  ),
};
