import { Type } from 'typebox';
import type { App, AppServices } from '../../server/app.ts';
import { ReadCache, sendCached } from '../../server/readCache.ts';
import { Text, Uuid, Version } from '../../server/schemas.ts';
import { linkedFunding, linksRevision } from '../projects/links.ts';
import { projectsRevision } from '../projects/repo.ts';
import * as items from './items.ts';
import * as s from './schemas.ts';
import * as versions from './versions.ts';
import * as views from './views.ts';

const write = { security: [{ session: [], csrf: [] }] };
const tags = ['plan'];

export function planRoutes(app: App, { ctx }: AppServices): void {
  // Keys carry the version's change counter (see versionStamp), so no revision polling is needed.
  const answers = new ReadCache(async () => 0, 200, Number.MAX_SAFE_INTEGER);

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'The strategic plans and their versions',
        response: { 200: Type.Object({ items: Type.Array(s.Plan) }) },
      },
    },
    async (request) => ({ items: await versions.listPlans(ctx, request.actor) }),
  );

  app.get(
    '/plans/:planId',
    {
      schema: {
        tags,
        summary: 'One plan (by id or slug) with its versions',
        params: Type.Object({ planId: Type.String({ pattern: '^[a-z0-9-]{3,60}$' }) }),
        response: { 200: s.Plan },
      },
    },
    async (request) => versions.getPlan(ctx, request.actor, request.params.planId),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Start a new triennial plan (plan office)',
        ...write,
        body: s.PlanCreate,
        response: { 201: s.Plan },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await versions.createPlan(ctx, request.actor, request.body)),
  );

  app.post(
    '/plans/:planId/updates',
    {
      schema: {
        tags,
        summary: 'Start the annual update: a new draft copied from the adopted version',
        ...write,
        params: Type.Object({ planId: Uuid }),
        body: Type.Object({ label: Text(120, 3) }, { additionalProperties: false }),
        response: { 201: s.VersionDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await versions.startAnnualUpdate(ctx, request.actor, request.params.planId, request.body),
        ),
  );

  app.get(
    '/plan-versions/:versionId',
    {
      schema: {
        tags,
        summary: 'A version with its acts and status history',
        params: s.VersionParams,
        response: { 200: s.VersionDetail },
      },
    },
    async (request) => versions.getVersion(ctx, request.actor, request.params.versionId),
  );

  app.post(
    '/plan-versions/:versionId/transitions',
    {
      schema: {
        tags,
        summary: 'Move a version along draft → consultation → adopted (adoption needs its act)',
        ...write,
        params: s.VersionParams,
        body: s.TransitionBody,
        response: { 200: s.VersionDetail },
      },
    },
    async (request) =>
      versions.transitionVersion(ctx, request.actor, request.params.versionId, request.body),
  );

  app.get(
    '/plan-versions/:versionId/tree',
    {
      schema: {
        tags,
        summary: 'Sections → goals → actions, with filters and Italian full-text search',
        params: s.VersionParams,
        querystring: s.TreeQuery,
        response: { 200: s.Tree },
      },
    },
    async (request, reply) => {
      const { mission, sdg, ...rest } = request.query;
      const { versionId } = request.params;
      const stamp = await views.versionStamp(ctx, request.actor, versionId);
      const entry = await answers.get(`tree:${stamp}:${JSON.stringify(request.query)}`, () =>
        views.planTree(ctx, request.actor, versionId, { ...rest, missions: mission, sdgs: sdg }),
      );
      sendCached(request, reply, entry);
    },
  );

  app.get(
    '/plan-versions/:versionId/matrix',
    {
      schema: {
        tags,
        summary: 'Coverage matrix: sections × PNRR missions',
        params: s.VersionParams,
        response: { 200: s.Matrix },
      },
    },
    async (request, reply) => {
      const stamp = await views.versionStamp(ctx, request.actor, request.params.versionId);
      // The money follows the links, the projects' funding (a new release) and which actions
      // exist in any version (a project's money is split among those that do).
      const revisions = await Promise.all([
        linksRevision(ctx),
        projectsRevision(ctx.db),
        views.plansRevision(ctx),
      ]);
      const entry = await answers.get(`matrix:${stamp}:${revisions.join(':')}`, () =>
        views.coverageMatrix(ctx, request.actor, request.params.versionId, (keys, published) =>
          linkedFunding(ctx, keys, published),
        ),
      );
      sendCached(request, reply, entry);
    },
  );

  app.get(
    '/plan-versions/:versionId/changelog',
    {
      schema: {
        tags,
        summary:
          'Public changelog of a version: status history and changes from the version it updates',
        params: s.VersionParams,
        response: { 200: s.Changelog },
      },
    },
    async (request) => views.changelog(ctx, request.actor, request.params.versionId),
  );

  app.get(
    '/plan-versions/diff',
    {
      schema: {
        tags,
        summary: 'Differences between two versions of a plan, item by item and field by field',
        querystring: Type.Object({ from: Uuid, to: Uuid }, { additionalProperties: false }),
        response: { 200: s.Diff },
      },
    },
    async (request) => views.diffVersions(ctx, request.actor, request.query.from, request.query.to),
  );

  app.get(
    '/plan-versions/:versionId/items/:key',
    {
      schema: {
        tags,
        summary: 'A goal, action, pillar or driver',
        params: s.ItemParams,
        response: { 200: s.ItemDetail },
      },
    },
    async (request) =>
      views.getItem(ctx, request.actor, request.params.versionId, request.params.key),
  );

  app.post(
    '/plan-versions/:versionId/items',
    {
      schema: {
        tags,
        summary: 'Add a goal, action, pillar or driver to a draft',
        ...write,
        params: s.VersionParams,
        body: s.ItemCreate,
        response: { 201: s.Item },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await items.createItem(ctx, request.actor, request.params.versionId, request.body)),
  );

  app.patch(
    '/plan-versions/:versionId/items/:key',
    {
      schema: {
        tags,
        summary: 'Edit an item (send the rowVersion you loaded)',
        ...write,
        params: s.ItemParams,
        body: s.ItemPatch,
        response: { 200: s.Item },
      },
    },
    async (request) =>
      items.updateItem(
        ctx,
        request.actor,
        request.params.versionId,
        request.params.key,
        request.body,
      ),
  );

  app.post(
    '/plan-versions/:versionId/items/:key/move',
    {
      schema: {
        tags,
        summary: 'Move or reorder an item',
        ...write,
        params: s.ItemParams,
        body: s.ItemMove,
        response: { 200: s.Item },
      },
    },
    async (request) =>
      items.moveItem(
        ctx,
        request.actor,
        request.params.versionId,
        request.params.key,
        request.body,
      ),
  );

  app.delete(
    '/plan-versions/:versionId/items/:key',
    {
      schema: {
        tags,
        summary: 'Delete an item (a goal takes its actions with it)',
        ...write,
        params: s.ItemParams,
        querystring: Type.Object({ rowVersion: Version }, { additionalProperties: false }),
        response: { 200: Type.Object({ deleted: Type.Integer() }) },
      },
    },
    async (request) =>
      items.deleteItem(
        ctx,
        request.actor,
        request.params.versionId,
        request.params.key,
        request.query.rowVersion,
      ),
  );
}
