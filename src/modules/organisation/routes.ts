import { Type } from 'typebox';
import type { App, AppServices } from '../../server/app.ts';
import { Nullable, Text, Uuid, Version } from '../../server/schemas.ts';
import { orgUnitKinds } from './presenters.ts';
import * as orgUnits from './service.ts';

const Kind = Type.Enum(orgUnitKinds);
const OrgUnit = Type.Object({
  id: Type.String(),
  kind: Kind,
  name: Type.String(),
  code: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  archived: Type.Boolean(),
  version: Type.Integer(),
});
const write = { security: [{ session: [], csrf: [] }] };

export function organisationRoutes(app: App, { ctx }: AppServices): void {
  app.get(
    '/org-units',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Organisational units (Direzioni, Settori, Unità di progetto)',
        querystring: Type.Object(
          { includeArchived: Type.Optional(Type.Boolean({ default: false })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(OrgUnit) }) },
      },
    },
    async (request) => ({
      items: await orgUnits.listOrgUnits(ctx, request.query.includeArchived ?? false),
    }),
  );

  app.post(
    '/org-units',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create an org unit (administrators)',
        ...write,
        body: Type.Object(
          {
            kind: Kind,
            name: Text(200, 2),
            code: Type.Optional(Nullable(Text(40))),
            parentId: Type.Optional(Nullable(Uuid)),
          },
          { additionalProperties: false },
        ),
        response: { 201: OrgUnit },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await orgUnits.createOrgUnit(ctx, request.actor, request.body)),
  );

  app.patch(
    '/org-units/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Edit, archive or restore an org unit (administrators)',
        ...write,
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            version: Version,
            kind: Type.Optional(Kind),
            name: Type.Optional(Text(200, 2)),
            code: Type.Optional(Nullable(Text(40))),
            parentId: Type.Optional(Nullable(Uuid)),
            archived: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: OrgUnit },
      },
    },
    async (request) => orgUnits.updateOrgUnit(ctx, request.actor, request.params.id, request.body),
  );
}
