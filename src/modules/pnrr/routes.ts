import { Type } from 'typebox';
import type { App, AppServices } from '../../server/app.ts';
import { ReadCache, sendCached } from '../../server/readCache.ts';
import * as s from './schemas.ts';
import * as pnrr from './service.ts';

/** The PNRR taxonomy and the SDGs: public reads of national reference data. */
export function pnrrRoutes(app: App, { ctx }: AppServices): void {
  // The taxonomy changes only when a release brings new files: serve serialised answers.
  const cache = new ReadCache(() => pnrr.taxonomyRevision(ctx));

  app.get(
    '/pnrr/missions',
    {
      schema: {
        tags: ['pnrr'],
        summary: 'The PNRR missions with their components, allocations and numbers of measures',
        response: { 200: s.MissionList },
      },
    },
    async (request, reply) => {
      sendCached(request, reply, await cache.get('missions', () => pnrr.listMissions(ctx)));
    },
  );

  app.get(
    '/pnrr/measures',
    {
      schema: {
        tags: ['pnrr'],
        summary: 'List the PNRR measures with their sub-measures and SDGs, with filters',
        querystring: s.MeasureListQuery,
        response: { 200: s.MeasurePage },
      },
    },
    async (request, reply) => {
      const key = `measures?${JSON.stringify(request.query)}`;
      sendCached(request, reply, await cache.get(key, () => pnrr.listMeasures(ctx, request.query)));
    },
  );

  app.get(
    '/pnrr/measures/:code',
    {
      schema: {
        tags: ['pnrr'],
        summary: 'One measure, named by any form of its code; the answer has the canonical one',
        params: Type.Object({ code: s.PnrrCodeInput }),
        response: { 200: s.MeasureDetail },
      },
    },
    async (request) => pnrr.getMeasure(ctx, request.params.code),
  );

  app.get(
    '/pnrr/resolve',
    {
      schema: {
        tags: ['pnrr'],
        summary: 'The canonical measure and sub-measure codes of a code in any official form',
        querystring: s.ResolveQuery,
        response: { 200: s.CodeResolution },
      },
    },
    async (request) => pnrr.getCodeResolution(ctx, request.query.code),
  );

  app.get(
    '/sdgs',
    {
      schema: {
        tags: ['pnrr'],
        summary: 'The 17 Sustainable Development Goals, with the number of PNRR measures of each',
        response: { 200: Type.Object({ items: Type.Array(s.Sdg) }) },
      },
    },
    async (request, reply) => {
      sendCached(
        request,
        reply,
        await cache.get('sdgs', async () => ({ items: await pnrr.listSdgs(ctx) })),
      );
    },
  );
}
