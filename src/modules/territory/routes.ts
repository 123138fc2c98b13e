import { Type } from 'typebox';
import type { App, AppServices } from '../../server/app.ts';
import { sendCached } from '../../server/readCache.ts';
import { NoContent, Version } from '../../server/schemas.ts';
import { comuniGeoJson, zonesGeoJson } from './geo.ts';
import * as s from './schemas.ts';
import * as territory from './service.ts';

export function territoryRoutes(app: App, { ctx, territoryCache: cache }: AppServices): void {
  app.get(
    '/metro',
    {
      schema: {
        tags: ['territory'],
        summary: 'The metropolitan city of this deployment',
        response: { 200: s.Metro },
      },
    },
    async (request, reply) => {
      sendCached(request, reply, await cache.get('metro', () => territory.getMetro(ctx)));
    },
  );

  app.get(
    '/comuni',
    {
      schema: {
        tags: ['territory'],
        summary: 'List the comuni, with filters, sorting and pagination',
        querystring: s.ComuneListQuery,
        response: { 200: s.ComunePage },
      },
    },
    async (request, reply) => {
      const key = `comuni?${JSON.stringify(request.query)}`;
      sendCached(
        request,
        reply,
        await cache.get(key, () => territory.listComuni(ctx, request.query)),
      );
    },
  );

  app.get(
    '/comuni/:code',
    {
      schema: {
        tags: ['territory'],
        summary: 'One comune',
        params: Type.Object({ code: s.IstatCode }),
        response: { 200: s.Comune },
      },
    },
    async (request) => territory.getComune(ctx, request.params.code),
  );

  app.patch(
    '/comuni/:code',
    {
      schema: {
        tags: ['territory'],
        summary:
          "Edit a comune's contacts (its referent, admins) or move it to another zone (admins)",
        security: [{ session: [], csrf: [] }],
        params: Type.Object({ code: s.IstatCode }),
        body: s.ComunePatch,
        response: { 200: s.Comune },
      },
    },
    async (request) =>
      territory.updateComune(ctx, request.actor, request.params.code, request.body),
  );

  app.get(
    '/zones',
    {
      schema: {
        tags: ['territory'],
        summary: 'The zones (Zone omogenee) with their totals',
        response: { 200: Type.Object({ items: Type.Array(s.Zone) }) },
      },
    },
    async (request, reply) => {
      sendCached(
        request,
        reply,
        await cache.get('zones', async () => ({ items: await territory.listZones(ctx) })),
      );
    },
  );

  app.get(
    '/zones/:id',
    {
      schema: {
        tags: ['territory'],
        summary: 'One zone with its comuni',
        params: Type.Object({ id: s.ZoneId }),
        response: { 200: s.ZoneDetail },
      },
    },
    async (request) => territory.getZone(ctx, request.params.id),
  );

  app.post(
    '/zones',
    {
      schema: {
        tags: ['territory'],
        summary: 'Define a zone (admins)',
        security: [{ session: [], csrf: [] }],
        body: s.ZoneCreate,
        response: { 201: s.Zone },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await territory.createZone(ctx, request.actor, request.body)),
  );

  app.patch(
    '/zones/:id',
    {
      schema: {
        tags: ['territory'],
        summary: 'Rename a zone or change its vision (admins)',
        security: [{ session: [], csrf: [] }],
        params: Type.Object({ id: s.ZoneId }),
        body: s.ZonePatch,
        response: { 200: s.Zone },
      },
    },
    async (request) => territory.updateZone(ctx, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/zones/:id',
    {
      schema: {
        tags: ['territory'],
        summary: 'Delete an empty zone (admins)',
        security: [{ session: [], csrf: [] }],
        params: Type.Object({ id: s.ZoneId }),
        querystring: Type.Object({ version: Version }, { additionalProperties: false }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await territory.deleteZone(ctx, request.actor, request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/geo/comuni',
    {
      schema: {
        tags: ['territory'],
        summary: 'Boundaries of the comuni (GeoJSON)',
        response: { 200: s.FeatureCollection },
      },
    },
    async (request, reply) => {
      sendCached(
        request,
        reply,
        await cache.get('geo/comuni', () => comuniGeoJson(ctx)),
        'application/geo+json',
      );
    },
  );

  app.get(
    '/geo/zones',
    {
      schema: {
        tags: ['territory'],
        summary: 'Outlines of the zones (GeoJSON)',
        response: { 200: s.FeatureCollection },
      },
    },
    async (request, reply) => {
      sendCached(
        request,
        reply,
        await cache.get('geo/zones', () => zonesGeoJson(ctx)),
        'application/geo+json',
      );
    },
  );
}
