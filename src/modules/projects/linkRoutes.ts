import { Type } from 'typebox';
import type { App, AppServices } from '../../server/app.ts';
import { Nullable, PageOf, pagingQuery, Uuid } from '../../server/schemas.ts';
import * as linking from './links.ts';

const tags = ['projects'];

const Link = Type.Object({
  projectId: Type.String(),
  actionKey: Type.String(),
  status: Type.String({ description: 'suggested | accepted | rejected' }),
  score: Nullable(Type.Number()),
  reasons: Type.Array(Type.String()),
  decidedAt: Nullable(Type.String()),
  projectTitle: Type.String(),
  cup: Type.String(),
  fundingPnrr: Nullable(Type.Number()),
  actionTitle: Nullable(
    Type.String({
      description:
        'the title of the action; for one gone from every version (actionVersionId null), the title it had when the link was last suggested or decided',
    }),
  ),
  actionVersionId: Nullable(
    Type.String({ description: 'the plan version of the action as last edited' }),
  ),
  actionOrgUnitId: Nullable(Type.String({ description: 'the org unit the action belongs to' })),
});

export function projectLinkRoutes(app: App, { ctx }: AppServices): void {
  app.post(
    '/plan-versions/:versionId/link-suggestions',
    {
      schema: {
        tags,
        summary:
          'Suggest links between projects and the actions of a version (measure, mission, implementer, words)',
        security: [{ session: [], csrf: [] }],
        params: Type.Object({ versionId: Uuid }),
        response: {
          200: Type.Object({
            actions: Type.Integer(),
            scored: Type.Integer(),
            suggested: Type.Integer(),
          }),
        },
      },
    },
    async (request) => linking.suggestLinks(ctx, request.actor, request.params.versionId),
  );

  app.get(
    '/project-links',
    {
      schema: {
        tags,
        summary:
          'Links between projects and plan actions: accepted (public); suggested and rejected (for who may link)',
        // Anonymous for the accepted links; a session for the others (401/403 without one).
        security: [{}, { session: [] }],
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['suggested', 'accepted', 'rejected'])),
            actionKey: Type.Optional(Uuid),
            projectId: Type.Optional(Uuid),
            ...pagingQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(Link) },
      },
    },
    async (request) => linking.listLinks(ctx, request.actor, request.query),
  );

  app.get(
    '/project-links/totals',
    {
      schema: {
        tags,
        summary:
          'The projects accepted for a plan action: how many, and their PNRR money (each in full)',
        querystring: Type.Object({ actionKey: Uuid }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            projects: Type.Integer(),
            fundingPnrr: Type.Number({ description: 'euro; projects without an amount add 0' }),
          }),
        },
      },
    },
    async (request) => linking.actionLinkTotals(ctx, request.actor, request.query.actionKey),
  );

  app.get(
    '/project-links/coverage',
    {
      schema: {
        tags,
        summary: 'PNRR money linked to the plan, and what is left unlinked',
        response: {
          200: Type.Object({
            linkedProjects: Type.Integer(),
            unlinkedProjects: Type.Integer(),
            linkedEur: Type.Number(),
            unlinkedEur: Type.Number(),
          }),
        },
      },
    },
    async () => linking.linkCoverage(ctx),
  );

  app.put(
    '/projects/:id/links/:actionKey',
    {
      schema: {
        tags,
        summary:
          'Link a project to a plan action (accepting a suggestion or by hand), or reject the link',
        security: [{ session: [], csrf: [] }],
        params: Type.Object({ id: Uuid, actionKey: Uuid }),
        body: Type.Object(
          {
            versionId: Type.Optional(
              Type.String({
                format: 'uuid',
                description:
                  'the version the action is read from; left out only to reject a link to an action no version holds any more',
              }),
            ),
            status: Type.Enum(['accepted', 'rejected']),
          },
          { additionalProperties: false },
        ),
        response: { 200: Link },
      },
    },
    async (request) =>
      linking.decideLink(ctx, request.actor, request.params.id, {
        versionId: request.body.versionId,
        actionKey: request.params.actionKey,
        status: request.body.status,
      }),
  );
}
