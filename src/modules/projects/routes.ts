import { Type } from 'typebox';
import { Invalid } from '../../domain/errors.ts';
import type { App, AppServices } from '../../server/app.ts';
import { Nullable, PageOf, pagingQuery, Text, Uuid } from '../../server/schemas.ts';
import { hashCode, ReadCache, sendCached } from '../../server/readCache.ts';
import { pnrrAnalytics } from './analytics.ts';
import { importPnrrFile, maxImportBytes } from './import/importFile.ts';
import { projectsRevision } from './repo.ts';
import * as projects from './service.ts';

const tags = ['projects'];
const Money = Nullable(Type.Number());
const ComuneRef = Type.Object({ code: Type.String(), name: Type.String() });

const summaryProps = {
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

const Project = Type.Object({
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
  version: Type.Integer(),
});

const ImportReport = Type.Object({
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
    Type.Object({ row: Type.Integer(), reasons: Type.Array(Type.String()) }),
  ),
  changes: Type.Array(Type.Object({ key: Type.String(), fields: Type.Array(Type.String()) })),
  unknownColumns: Type.Array(Type.String()),
  durationMs: Type.Integer(),
});

const Lorenz = Type.Array(Type.Object({ population: Type.Number(), amount: Type.Number() }));
const Analytics = Type.Object({
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

export function projectRoutes(app: App, { ctx }: AppServices): void {
  const analyticsCache = new ReadCache(
    () => projectsRevision(ctx.db).then((r) => hashCode(r)),
    100,
  );

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
      const entry = await analyticsCache.get(`pnrr:${JSON.stringify(request.query)}`, () =>
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
            q: Type.Optional(Text(120, 2)),
            mission: Type.Optional(Type.String({ pattern: '^M[1-7]$' })),
            measure: Type.Optional(Type.String({ pattern: '^M[1-7]C[0-9][IR][0-9A-Z.]{1,14}$' })),
            comune: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
            zone: Type.Optional(
              Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }),
            ),
            subject: Type.Optional(Text(120, 2)),
            sort: Type.Optional(
              Type.Enum([
                'title',
                '-title',
                'funding',
                '-funding',
                'pnrr',
                '-pnrr',
                'updated',
                '-updated',
              ]),
            ),
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
      schema: {
        tags,
        summary:
          'Import an official PNRR file (Progetti, Localizzazione or Soggetti) sent as text/csv',
        security: [{ session: [], csrf: [] }],
        consumes: ['text/csv', 'application/octet-stream'],
        querystring: Type.Object(
          {
            fileName: Type.Optional(Text(200, 1)),
            kind: Type.Optional(Type.Enum(['progetti', 'localizzazioni', 'soggetti'])),
            scope: Type.Optional(Type.Enum(['all', 'territory'])),
          },
          { additionalProperties: false },
        ),
        response: { 201: ImportReport },
      },
    },
    async (request, reply) => {
      const { fileName, kind, scope } = request.query;
      if (!Buffer.isBuffer(request.body))
        throw Invalid(
          'body',
          'send the CSV file itself as the request body, with Content-Type: text/csv',
        );
      const report = await importPnrrFile(ctx, request.actor, {
        fileName: fileName ?? 'upload.csv',
        bytes: request.body as Buffer,
        kind,
        scope,
      });
      return reply.code(201).send(report);
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
