import { Type } from 'typebox';
import { Nullable, PageOf, pagingQuery, Text, Version } from '../../server/schemas.ts';

export const IstatCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'ISTAT code, 6 digits',
});
export const ZoneId = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  minLength: 2,
  maxLength: 60,
  description: 'slug: lower-case letters, digits and dashes',
});
const PopulationBand = Type.Enum(['under-5k', '5k-15k', '15k-50k', 'over-50k']);
const Confidence = Nullable(Type.String({ description: 'confirmed | inferred | assigned' }));

export const Metro = Type.Object({
  utsCode: Type.String(),
  name: Type.String(),
  sigla: Type.String(),
  provinceCode: Type.String(),
  regionName: Type.String(),
  capoluogoCode: Type.String(),
  comuniCount: Type.Integer(),
  population: Type.Number(),
  areaKm2: Type.Number(),
  zonesCount: Type.Integer(),
});

const comuneSummaryProps = {
  istatCode: Type.String(),
  name: Type.String(),
  population: Nullable(Type.Integer()),
  populationYear: Nullable(Type.Integer()),
  areaKm2: Nullable(Type.Number()),
  density: Nullable(Type.Number({ description: 'residents per km²' })),
  zoneId: Nullable(Type.String()),
  zoneName: Nullable(Type.String()),
  zoneConfidence: Confidence,
  isCapoluogo: Type.Boolean(),
  populationBand: Nullable(PopulationBand),
};
export const ComuneSummary = Type.Object(comuneSummaryProps);

export const Comune = Type.Object({
  ...comuneSummaryProps,
  cadastralCode: Nullable(Type.String()),
  website: Nullable(Type.String()),
  pec: Nullable(Type.String()),
  populationSource: Nullable(
    Type.String({ description: 'The register or institute that counted: ANPR, ISTAT.' }),
  ),
  populationDate: Nullable(
    Type.String({
      format: 'date',
      description: 'The day of the count, when the source gives one.',
    }),
  ),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ComuneListQuery = Type.Object(
  {
    q: Type.Optional(Text(80, 1)),
    zone: Type.Optional(ZoneId),
    band: Type.Optional(PopulationBand),
    populationMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    populationMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    sort: Type.Optional(
      Type.Enum([
        'name',
        '-name',
        'population',
        '-population',
        'area',
        '-area',
        'density',
        '-density',
      ]),
    ),
    ...pagingQuery,
  },
  { additionalProperties: false },
);
export const ComunePage = PageOf(ComuneSummary);

export const ComunePatch = Type.Object(
  {
    version: Version,
    zoneId: Type.Optional(Nullable(ZoneId)),
    website: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 300,
          pattern: '^(https?://[^\\s<>"\\u0000-\\u001F]+)?$',
          description: 'http(s) URL',
        }),
      ),
    ),
    pec: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 200,
          pattern:
            '^([^\\s@<>\\u0000-\\u001F]+@[^\\s@<>\\u0000-\\u001F]+\\.[^\\s@<>\\u0000-\\u001F]+)?$',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);

const zoneProps = {
  id: Type.String(),
  name: Type.String(),
  isZonaOmogenea: Type.Boolean(),
  vision: Nullable(Type.String()),
  membershipConfidence: Type.String({ description: 'confirmed | inferred | assigned' }),
  comuniCount: Type.Integer(),
  population: Type.Number(),
  areaKm2: Type.Number(),
  density: Nullable(Type.Number()),
  version: Type.Integer(),
};
export const Zone = Type.Object(zoneProps);
export const ZoneDetail = Type.Object({ ...zoneProps, comuni: Type.Array(ComuneSummary) });

export const ZoneCreate = Type.Object(
  { id: ZoneId, name: Text(120, 2), vision: Type.Optional(Nullable(Text(300))) },
  { additionalProperties: false },
);
export const ZonePatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text(120, 2)),
    vision: Type.Optional(Nullable(Text(300))),
  },
  { additionalProperties: false },
);

export const FeatureCollection = Type.Object(
  { type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Unknown()) },
  { description: 'GeoJSON (RFC 7946) FeatureCollection, WGS84' },
);
