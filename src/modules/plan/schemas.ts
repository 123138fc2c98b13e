import { Type } from 'typebox';
import { versionStatuses } from '../../domain/planVersion.ts';
import { allMissions, linkedPlanKinds } from '../../domain/planSections.ts';
import { Nullable, Text, Uuid, Version } from '../../server/schemas.ts';

const Mission = Type.Enum([...allMissions]);
const Status = Type.Enum([...versionStatuses]);
const SectionCode = Type.Enum(['1', '2', '3']);
const MeasureCode = Type.String({
  pattern: '^\\s*[Mm][1-7][Cc][0-9][IiRr][0-9A-Za-z.]{1,14}\\s*$',
  maxLength: 24,
  description: 'PNRR measure or sub-measure, any form (M1C1I1.1, M1C1I1.01, M1C1I1.01.00)',
});
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const VersionSummary = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  number: Type.Integer(),
  label: Type.String(),
  status: Status,
  statusChangedAt: Type.String({ format: 'date-time' }),
  basedOnId: Nullable(Type.String()),
  version: Type.Integer(),
});

const planProps = {
  id: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  subtitle: Nullable(Type.String()),
  periodStart: Type.Integer(),
  periodEnd: Type.Integer(),
  notes: Nullable(Type.String()),
};
export const Plan = Type.Object({
  ...planProps,
  versions: Type.Array(
    Type.Object({
      ...VersionSummary.properties,
      contentCount: Type.Integer({
        description: 'goals and actions in the version (0: only its sections, nothing to read yet)',
      }),
    }),
  ),
});

export const Act = Type.Object({
  id: Type.String(),
  body: Type.String(),
  kind: Type.String(),
  number: Nullable(Type.String()),
  date: Nullable(Type.String()),
  title: Type.String(),
  documentUrl: Nullable(Type.String()),
  certain: Type.Boolean(),
  source: Nullable(Type.String()),
  hasDocument: Type.Boolean(),
});

export const VersionDetail = Type.Object({
  ...VersionSummary.properties,
  plan: Type.Object(planProps),
  acts: Type.Array(Act),
  transitions: Type.Array(
    Type.Object({
      from: Nullable(Type.String()),
      to: Type.String(),
      at: Type.String({ format: 'date-time' }),
      actorLabel: Type.String(),
      actId: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  counts: Type.Object({ goals: Type.Integer(), actions: Type.Integer(), examples: Type.Integer() }),
});

const itemProps = {
  key: Type.String(),
  kind: Type.String(),
  code: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String({ description: 'sanitised HTML' }),
  parentKey: Nullable(Type.String()),
  sectionCode: Nullable(Type.String()),
  position: Type.Integer(),
  missions: Type.Array(Type.String()),
  measures: Type.Array(Type.String()),
  sdgs: Type.Array(Type.Integer()),
  linkedPlans: Type.Array(Type.String()),
  pillarKeys: Type.Array(Type.String()),
  driverKeys: Type.Array(Type.String()),
  scope: Type.Object({
    kind: Type.String(),
    zones: Type.Array(Type.String()),
    comuni: Type.Array(Type.String()),
  }),
  orgUnitId: Nullable(Type.String()),
  periodStart: Nullable(Type.Integer()),
  periodEnd: Nullable(Type.Integer()),
  isExample: Type.Boolean(),
  source: Nullable(Type.String()),
  rowVersion: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
};
export const Item = Type.Object(itemProps);
const WithMissions = Type.Object({ ...itemProps, effectiveMissions: Type.Array(Type.String()) });

export const Tree = Type.Object({
  versionId: Type.String(),
  filtered: Type.Boolean(),
  sections: Type.Array(
    Type.Object({
      ...itemProps,
      goals: Type.Array(
        Type.Object({ ...WithMissions.properties, actions: Type.Array(WithMissions) }),
      ),
    }),
  ),
  pillars: Type.Array(Item),
  drivers: Type.Array(Item),
  counts: Type.Object({ goals: Type.Integer(), actions: Type.Integer() }),
});

export const TreeQuery = Type.Object(
  {
    section: Type.Optional(SectionCode),
    mission: Type.Optional(Type.Array(Mission, { maxItems: 7 })),
    sdg: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 17 }), { maxItems: 17 })),
    zone: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 })),
    comune: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    orgUnit: Type.Optional(Uuid),
    q: Type.Optional(Text(200, 2)),
    examples: Type.Optional(Type.Boolean({ description: 'false hides example items' })),
  },
  { additionalProperties: false },
);

export const Matrix = Type.Object({
  versionId: Type.String(),
  sections: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })),
  missions: Type.Array(Type.String()),
  cells: Type.Array(
    Type.Object({
      sectionCode: Type.String(),
      mission: Type.String(),
      goals: Type.Integer(),
      actions: Type.Integer(),
      goalKeys: Type.Array(Type.String()),
      actionKeys: Type.Array(Type.String()),
      fundingEur: Nullable(Type.Number()),
    }),
  ),
});

export const ItemDetail = Type.Object({
  ...itemProps,
  versionId: Type.String(),
  effectiveMissions: Type.Array(Type.String(), {
    description: "the item's PNRR missions, or its goal's when an action has none of its own",
  }),
  goal: Nullable(Item),
  actions: Type.Array(Item),
  pillars: Type.Array(Item),
  drivers: Type.Array(Item),
});

const scope = Type.Object(
  {
    kind: Type.Enum(['metro', 'zones', 'comuni']),
    zones: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }), {
        maxItems: 20,
      }),
    ),
    comuni: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{6}$' }), { maxItems: 500 })),
  },
  { additionalProperties: false },
);

const editableProps = {
  code: Type.Optional(Nullable(Text(20))),
  title: Type.Optional(Text(300, 3)),
  description: Type.Optional(Type.String({ maxLength: 50_000 })),
  missions: Type.Optional(Type.Array(Mission, { maxItems: 7 })),
  measures: Type.Optional(Type.Array(MeasureCode, { maxItems: 50 })),
  sdgs: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 17 }), { maxItems: 17 })),
  linkedPlans: Type.Optional(Type.Array(Type.Enum([...linkedPlanKinds]), { maxItems: 3 })),
  pillarKeys: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  driverKeys: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  scope: Type.Optional(scope),
  orgUnitId: Type.Optional(Nullable(Uuid)),
  periodStart: Type.Optional(Nullable(Year)),
  periodEnd: Type.Optional(Nullable(Year)),
};

export const ItemCreate = Type.Object(
  {
    ...editableProps,
    kind: Type.Enum(['pillar', 'driver', 'goal', 'action']),
    title: Text(300, 3),
    sectionCode: Type.Optional(Nullable(SectionCode)),
    parentKey: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const ItemPatch = Type.Object(
  { ...editableProps, rowVersion: Version },
  { additionalProperties: false },
);

export const ItemMove = Type.Object(
  {
    rowVersion: Version,
    sectionCode: Type.Optional(SectionCode),
    parentKey: Type.Optional(Uuid),
    position: Type.Integer({ minimum: 0, maximum: 10_000 }),
  },
  { additionalProperties: false },
);

export const ActBody = Type.Object(
  {
    body: Type.Enum(['sindaco', 'consiglio', 'conferenza']),
    kind: Type.Enum(['decreto', 'delibera', 'parere']),
    number: Type.Optional(Nullable(Text(60, 1))),
    date: Type.String({ format: 'date' }),
    title: Text(300, 3),
    documentUrl: Type.Optional(
      Nullable(Type.String({ maxLength: 500, pattern: '^https?://[^\\s<>"]+$' })),
    ),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  {
    to: Status,
    version: Version,
    note: Type.Optional(Nullable(Text(1000))),
    act: Type.Optional(ActBody),
  },
  { additionalProperties: false },
);

export const PlanCreate = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 3, maxLength: 60 }),
    title: Text(300, 3),
    subtitle: Type.Optional(Nullable(Text(300))),
    periodStart: Year,
    periodEnd: Year,
  },
  { additionalProperties: false },
);

const DiffItem = Type.Object({
  key: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  parentKey: Nullable(Type.String()),
  sectionCode: Nullable(Type.String()),
  position: Type.Integer(),
  fields: Type.Record(Type.String(), Type.Unknown()),
});
const Placement = Type.Object({
  parentKey: Nullable(Type.String()),
  sectionCode: Nullable(Type.String()),
  position: Type.Integer(),
});
const VersionRef = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  label: Type.String(),
  status: Type.String(),
});

export const Diff = Type.Object({
  from: VersionRef,
  to: VersionRef,
  added: Type.Array(DiffItem),
  removed: Type.Array(DiffItem),
  moved: Type.Array(Type.Object({ item: DiffItem, from: Placement, to: Placement })),
  changed: Type.Array(
    Type.Object({
      item: DiffItem,
      changes: Type.Array(
        Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() }),
      ),
    }),
  ),
  unchanged: Type.Integer(),
});

export const Changelog = Type.Object({
  versionId: Type.String(),
  basedOn: Nullable(
    Type.Object({ id: Type.String(), number: Type.Integer(), label: Type.String() }),
  ),
  transitions: VersionDetail.properties.transitions,
  diff: Nullable(Diff),
});

export const VersionParams = Type.Object({ versionId: Uuid });
export const ItemParams = Type.Object({ versionId: Uuid, key: Uuid });
