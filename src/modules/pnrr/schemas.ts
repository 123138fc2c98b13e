import { Type } from 'typebox';
import { Nullable, PageOf, pagingQuery, Text } from '../../server/schemas.ts';

export const MissionCode = Type.String({
  pattern: '^[Mm][1-9]$',
  description: 'mission code, e.g. M1 (M7 is REPowerEU)',
});
export const ComponentCode = Type.String({
  pattern: '^[Mm][1-9][Cc][1-9]$',
  description: 'component code, e.g. M1C1',
});
export const PnrrCodeInput = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[A-Za-z0-9. ]+$',
  description:
    'a measure or sub-measure code in any official form: M1C1I1.1, M1C1I1.01, M1C1I1.01.00, M1C1I1.3.1, M1C1I1.03.01; case and spaces do not matter',
});
const MeasureKind = Type.Enum(['investimento', 'riforma']);
const SdgGoal = Type.Integer({ minimum: 1, maximum: 17, description: 'SDG goal number, 1-17' });

const countProps = {
  measuresCount: Type.Integer(),
  investmentsCount: Type.Integer(),
  reformsCount: Type.Integer(),
};

const Allocation = Type.Number({ description: 'allocation in euro (2025 financial framework)' });

export const Component = Type.Object({
  code: Type.String(),
  title: Type.String(),
  allocationEur: Allocation,
  ...countProps,
});

export const Mission = Type.Object({
  code: Type.String(),
  title: Type.String(),
  allocationEur: Allocation,
  isRepowerEu: Type.Boolean({ description: 'the REPowerEU chapter added by the 2023 revision' }),
  ...countProps,
  components: Type.Array(Component),
});

export const MissionList = Type.Object({
  items: Type.Array(Mission),
  allocationEur: Type.Number({ description: 'the whole plan, in euro' }),
  measuresCount: Type.Integer(),
});

const SubMeasure = Type.Object({
  code: Type.String({ description: 'canonical (short) code, e.g. M1C1I1.3.1' }),
  uniqueCode: Type.String({ description: 'codice univoco submisura, e.g. M1C1I1.03.01' }),
  cidCode: Nullable(Type.String({ description: 'code in the EU Council Implementing Decision' })),
  title: Type.String(),
  allocationEur: Allocation,
  amministrazioneTitolare: Type.String(),
  financing: Type.String({ description: 'prestito | sovvenzione' }),
});

const MeasureSdg = Type.Object({
  goal: Type.Integer(),
  code: Type.String(),
  nameIt: Type.String(),
  nameEn: Type.String(),
  prevalent: Type.Boolean({ description: 'the prevalent goal of the measure (Italia Domani)' }),
});

const measureProps = {
  code: Type.String({ description: 'canonical (short) code, e.g. M1C1I1.1' }),
  uniqueCode: Type.String({ description: 'codice univoco misura, e.g. M1C1I1.01' }),
  missionCode: Type.String(),
  componentCode: Type.String(),
  kind: MeasureKind,
  title: Type.String(),
  allocationEur: Allocation,
  amministrazioneTitolare: Type.String({ description: 'holders, "; "-separated when several' }),
  financing: Type.String({ description: 'prestito | sovvenzione | misto' }),
  subMeasures: Type.Array(SubMeasure),
  sdgs: Type.Array(MeasureSdg, { description: 'from the 2023 mapping (pre-REPowerEU)' }),
};

export const Measure = Type.Object(measureProps);
export const MeasureDetail = Type.Object({
  ...measureProps,
  missionTitle: Type.String(),
  componentTitle: Type.String(),
});
export const MeasurePage = PageOf(Measure);

export const MeasureListQuery = Type.Object(
  {
    mission: Type.Optional(MissionCode),
    component: Type.Optional(ComponentCode),
    kind: Type.Optional(MeasureKind),
    sdg: Type.Optional(SdgGoal),
    q: Type.Optional(Text(80, 1)),
    ...pagingQuery,
    // The whole taxonomy fits one page: 217 measures in the 2025 revision.
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 25 })),
  },
  { additionalProperties: false },
);

export const ResolveQuery = Type.Object({ code: PnrrCodeInput }, { additionalProperties: false });

export const CodeResolution = Type.Object({
  input: Type.String(),
  measureCode: Type.String(),
  subMeasureCode: Nullable(Type.String()),
});

export const Sdg = Type.Object({
  goal: Type.Integer(),
  code: Type.String(),
  nameIt: Type.String(),
  nameEn: Type.String(),
  descriptionIt: Type.String(),
  measuresCount: Type.Integer({ description: 'PNRR measures mapped to the goal' }),
  prevalentMeasuresCount: Type.Integer({ description: 'of which with the goal as prevalent' }),
});
