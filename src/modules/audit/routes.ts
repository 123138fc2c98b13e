import { Type } from 'typebox';
import type { App } from '../../server/app.ts';
import { PageOf, pagingQuery, Text, Uuid } from '../../server/schemas.ts';
import type { AppServices } from '../../server/app.ts';
import { listAuditLog } from './service.ts';

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export function auditRoutes(app: App, { ctx }: AppServices): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (administrators)',
        security: [{ session: [] }],
        querystring: Type.Object(
          {
            entityType: Type.Optional(Text(60, 1)),
            entityId: Type.Optional(Text(200, 1)),
            actorId: Type.Optional(Uuid),
            action: Type.Optional(Text(60, 1)),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            ...pagingQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(AuditEntry) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      return listAuditLog(ctx, request.actor, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );
}
