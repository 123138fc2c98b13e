import { Type } from 'typebox';
import { Invalid, NotFound, Unauthenticated } from '../../domain/errors.ts';
import type { App, AppServices } from '../../server/app.ts';
import { Nullable, PageOf, pagingQuery, Text, Uuid, Version } from '../../server/schemas.ts';
import { hashCode, ReadCache, sendCached } from '../../server/readCache.ts';
import {
  clientGone,
  holdTurnForBody,
  takeTurnOfBody,
  validateQueryNow,
} from '../../server/turns.ts';
import { pnrrAnalytics } from './analytics.ts';
import { importPnrrFile, maxImportBytes, requireImporter } from './import/importFile.ts';
import { ProgressBoard } from './import/progressBoard.ts';
import { sessionKeyOfRequest } from '../../server/auth.ts';
import { projectsRevision } from './repo.ts';
import { exportProjects } from './exports.ts';
import { createManualProject, updateProject } from './manual.ts';
import * as projects from './service.ts';
import {
  tags,
  summaryProps,
  Project,
  ImportReport,
  Analytics,
  projectFilters,
  manualProps,
} from './schemas.ts';

const progressId = /^[A-Za-z0-9_-]{8,64}$/;

/** The orders of the projects' list (and of its downloads): a field, descending with `-`. */
const projectSort = Type.Optional(
  Type.Enum(['title', '-title', 'funding', '-funding', 'pnrr', '-pnrr', 'updated', '-updated']),
);

export function projectRoutes(
  app: App,
  { ctx, exportTurns, importTurns, uploadIdleMs }: AppServices,
): void {
  const board = new ProgressBoard();
  const analyticsCache = new ReadCache(
    () => projectsRevision(ctx.db).then((r) => hashCode(r)),
    100,
  );

  const analyticsKey = (query: object) => `pnrr:${JSON.stringify(query)}`;
  // After an import, the map of the home page is worked out at once (at national size it takes
  // seconds), not by its first visitor.
  const warmAnalytics = () =>
    setImmediate(() => {
      analyticsCache
        .get(analyticsKey({}), () => pnrrAnalytics(ctx, {}))
        .catch((error: unknown) => app.log.warn({ err: error }, 'PNRR analytics not prepared'));
    });

  app.get(
    '/analytics/pnrr',
    {
      schema: {
        tags,
        summary:
          'PNRR money per comune and per zone, split among the places of each project; concentration (Gini, Lorenz)',
        querystring: Type.Object(
          {
            mission: Type.Optional(Type.String({ pattern: '^M[1-7]$' })),
            measure: Type.Optional(Type.String({ pattern: '^M[1-7]C[0-9][IR][0-9A-Z.]{1,14}$' })),
            status: Type.Optional(Text(40, 2)),
            subject: Type.Optional(
              Type.String({
                pattern: '^([0-9]{11}|[A-Za-z0-9]{16})$',
                description: 'tax code of a subject',
              }),
            ),
            amount: Type.Optional(Type.Enum(['pnrr', 'total'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Analytics },
      },
    },
    async (request, reply) => {
      const { status, ...rest } = request.query;
      const entry = await analyticsCache.get(analyticsKey(request.query), () =>
        pnrrAnalytics(ctx, { ...rest, cupStatus: status }),
      );
      sendCached(request, reply, entry);
    },
  );

  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Search the projects on the territory (PNRR open data and manual entries)',
        querystring: Type.Object(
          {
            ...projectFilters,
            sort: projectSort,
            ...pagingQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(Type.Object(summaryProps)) },
      },
    },
    async (request) => projects.listProjects(ctx, request.query),
  );

  app.get(
    '/projects/export',
    {
      schema: {
        tags,
        summary: 'Download the filtered projects as CSV, XLSX or GeoJSON (at most 100,000)',
        querystring: Type.Object(
          // In the order of the list on screen.
          { ...projectFilters, sort: projectSort, format: Type.Enum(['csv', 'xlsx', 'geojson']) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await exportTurns.run(
        () => exportProjects(ctx, query, format),
        clientGone(reply),
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.post(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Enter a project by hand (outside the PNRR releases)',
        security: [{ session: [], csrf: [] }],
        body: Type.Object(
          {
            ...manualProps,
            cup: Type.String({ minLength: 15, maxLength: 20 }),
            title: Text(500, 3),
            programme: Text(80, 2),
          },
          { additionalProperties: false },
        ),
        response: { 201: Project },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createManualProject(ctx, request.actor, request.body)),
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Edit a project entered by hand, or set the org unit of any project',
        security: [{ session: [], csrf: [] }],
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ ...manualProps, version: Version }, { additionalProperties: false }),
        response: { 200: Project },
      },
    },
    async (request) => updateProject(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'One project, with its funding, places, subjects and source release',
        params: Type.Object({ id: Uuid }),
        response: { 200: Project },
      },
    },
    async (request) => projects.getProject(ctx, request.params.id),
  );

  // Releases arrive as the bytes of the CSV file; the import decides what they are.
  for (const type of ['text/csv', 'application/octet-stream'])
    app.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: maxImportBytes },
      (_req, body, done) => done(null, body),
    );

  app.post(
    '/imports',
    {
      bodyLimit: maxImportBytes,
      config: { accepts: 'text/csv, the bytes of the CSV file' },
      schema: {
        tags,
        summary:
          'Import an official PNRR file (Progetti, Localizzazione, Soggetti, payments or indicators) sent as text/csv',
        security: [{ session: [], csrf: [] }],
        consumes: ['text/csv', 'application/octet-stream'],
        querystring: Type.Object(
          {
            fileName: Type.Optional(Text(200, 1)),
            kind: Type.Optional(
              Type.Enum(['progetti', 'localizzazioni', 'soggetti', 'pagamenti', 'indicatori']),
            ),
            scope: Type.Optional(Type.Enum(['all', 'territory'])),
            progress: Type.Optional(
              Type.String({
                pattern: progressId.source,
                description:
                  'An id of your choosing (8 to 64 letters, digits, - or _): GET /imports/progress/{id} then says how far the import is',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: ImportReport },
      },
      // Before a byte of the body is read: who may import, whether the query is right, and a
      // turn. The next uploads wait unread (a few at most): the server holds one file at a time.
      preParsing: async (request, reply, payload) => {
        requireImporter(request.actor);
        validateQueryNow(request);
        const { progress } = request.query as { progress?: string };
        const entry = progress ? board.open(sessionKeyOfRequest(request)!, progress) : null;
        reply.raw.once('close', () => entry?.close());
        try {
          await holdTurnForBody(request, reply, importTurns, uploadIdleMs);
        } catch (error) {
          entry?.close(0);
          throw error;
        }
        entry?.set({ stage: 'receiving', fraction: 0 });
        return payload;
      },
    },
    async (request, reply) => {
      const { fileName, kind, scope, progress } = request.query;
      const release = takeTurnOfBody(request, 'Imports');
      let report;
      try {
        if (!Buffer.isBuffer(request.body))
          throw Invalid(
            'body',
            'send the CSV file itself as the request body, with Content-Type: text/csv',
            'wrongContentType',
            { contentType: 'text/csv' },
          );
        report = await importPnrrFile(
          ctx,
          request.actor,
          {
            fileName: fileName ?? 'upload.csv',
            bytes: request.body as Buffer,
            kind,
            scope,
          },
          progress ? board.reporterOf(sessionKeyOfRequest(request)!, progress) : undefined,
        );
      } finally {
        release();
      }
      warmAnalytics();
      return reply.code(201).send(report);
    },
  );

  app.get(
    '/imports/progress/:id',
    {
      config: { withoutSessionLookup: true },
      schema: {
        tags,
        summary:
          'How far an upload of yours is (the id you gave POST /imports as progress): answered for the session that sent it; 401 without a session cookie, 404 for any other session',
        security: [{ session: [] }],
        params: Type.Object({ id: Type.String({ pattern: progressId.source }) }),
        response: {
          200: Type.Object({
            stage: Type.Enum(['waiting', 'receiving', 'checking', 'reading', 'comparing', 'done']),
            fraction: Type.Number({ minimum: 0, maximum: 1 }),
          }),
        },
      },
    },
    async (request) => {
      // Answered from memory, for the session that sent the upload: while an import holds the
      // database (PGlite runs one transaction at a time), a session lookup would wait for its end.
      // That session was allowed to import when it sent the file; a look at its own upload's
      // stage needs nothing more.
      const owner = sessionKeyOfRequest(request);
      if (!owner) throw Unauthenticated();
      const progress = board.get(owner, request.params.id);
      if (!progress) throw NotFound('Upload', request.params.id);
      return progress;
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'The imported releases and their reports',
        security: [{ session: [] }],
        querystring: Type.Object({ ...pagingQuery }, { additionalProperties: false }),
        response: {
          200: PageOf(
            Type.Object({
              id: Type.String(),
              kind: Type.String(),
              fileName: Type.String(),
              sha256: Type.String(),
              bytes: Type.Integer(),
              encoding: Type.String(),
              releaseDate: Nullable(Type.String()),
              scope: Type.String(),
              importedAt: Type.String(),
              report: Type.Unknown(),
            }),
          ),
        },
      },
    },
    async (request) => projects.listImports(ctx, request.actor, request.query),
  );
}
