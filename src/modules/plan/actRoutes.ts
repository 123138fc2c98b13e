import { Type } from 'typebox';
import { Invalid } from '../../domain/errors.ts';
import type { App, AppServices } from '../../server/app.ts';
import { Text, Uuid } from '../../server/schemas.ts';
import { clientGone } from '../../server/turns.ts';
import * as acts from './acts.ts';
import { contentDisposition } from './contentDisposition.ts';
import { maxDocumentBytes } from './acts.ts';
import { exportVersion } from './exports.ts';
import * as s from './schemas.ts';

const write = { security: [{ session: [], csrf: [] }] };
const tags = ['plan'];

export function planExportRoutes(app: App, { ctx, exportTurns }: AppServices): void {
  app.get(
    '/plan-versions/:versionId/export',
    {
      schema: {
        tags,
        summary: 'Download a version as JSON, XLSX or PDF',
        params: s.VersionParams,
        querystring: Type.Object(
          { format: Type.Enum(['json', 'xlsx', 'pdf']) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const file = await exportTurns.run(
        () => exportVersion(ctx, request.actor, request.params.versionId, request.query.format),
        clientGone(reply),
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
}

export function actRoutes(app: App, { ctx }: AppServices): void {
  // Act documents arrive as the raw bytes of a PDF; the service checks what they really are.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: maxDocumentBytes },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/plan-versions/:versionId/acts',
    {
      schema: {
        tags,
        summary:
          'Record an act about a version (an opinion, an approval) without changing its status',
        ...write,
        params: s.VersionParams,
        body: s.ActBody,
        response: { 201: s.Act },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await acts.recordAct(ctx, request.actor, request.params.versionId, request.body)),
  );

  app.put(
    '/acts/:actId/document',
    {
      bodyLimit: maxDocumentBytes,
      config: { accepts: 'application/pdf' },
      schema: {
        tags,
        summary: 'Attach the signed PDF of an act (Content-Type: application/pdf, at most 20 MB)',
        ...write,
        params: Type.Object({ actId: Uuid }),
        querystring: Type.Object(
          { filename: Type.Optional(Text(120, 1)) },
          { additionalProperties: false },
        ),
        consumes: ['application/pdf'],
        response: { 200: s.Act },
      },
      preParsing: async (request, _reply, payload) => {
        acts.requirePlanOffice(request.actor);
        return payload;
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw Invalid(
          'body',
          'send the PDF itself as the request body, with Content-Type: application/pdf',
          'wrongContentType',
          { contentType: 'application/pdf' },
        );
      return acts.attachActDocument(ctx, request.actor, request.params.actId, {
        filename: request.query.filename ?? 'atto.pdf',
        content: request.body,
      });
    },
  );

  app.get(
    '/acts/:actId/document',
    {
      schema: { tags, summary: 'The signed PDF of an act', params: Type.Object({ actId: Uuid }) },
    },
    async (request, reply) => {
      const document = await acts.actDocument(ctx, request.actor, request.params.actId);
      return reply
        .type(document.contentType)
        .header('content-disposition', contentDisposition('inline', document.filename))
        .header('x-content-type-options', 'nosniff')
        .send(document.content);
    },
  );
}
