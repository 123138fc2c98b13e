import cookie from '@fastify/cookie';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawServerDefault,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import type { Ctx } from '../modules/context.ts';
import { identityRoutes } from '../modules/identity/routes.ts';
import { organisationRoutes } from '../modules/organisation/routes.ts';
import { actRoutes, planExportRoutes } from '../modules/plan/actRoutes.ts';
import { planRoutes } from '../modules/plan/routes.ts';
import { pnrrRoutes } from '../modules/pnrr/routes.ts';
import { projectLinkRoutes } from '../modules/projects/linkRoutes.ts';
import { projectRoutes } from '../modules/projects/routes.ts';
import { territoryRoutes } from '../modules/territory/routes.ts';
import { territoryRevision } from '../modules/territory/service.ts';
import { registerAuth } from './auth.ts';
import {
  addProblemResponses,
  ProblemSchema,
  refuseUnstorableText,
  registerErrorHandling,
  sendFrameworkProblem,
} from './problem.ts';
import { ReadCache } from './readCache.ts';
import { Turns } from './turns.ts';
import { registerWeb } from './web.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface AppOptions {
  db: Database;
  config: Pick<Config, 'sessionTtlHours' | 'trustProxy' | 'webRoot'> &
    Partial<Pick<Config, 'loginAttemptsPerAddress'>>;
  logger?: boolean | { level: string };
  /** How many exports (spreadsheets, PDFs) are prepared at once, and how many wait: 2 and 16. */
  exportTurns?: { running: number; waiting: number };
  /** How many uploads wait for the one being imported: 2. */
  importsWaiting?: number;
  /** How long an upload holding the import turn may send nothing before it is dropped: 60 s. */
  uploadIdleMs?: number;
}

export interface AppServices {
  ctx: Ctx;
  territoryCache: ReadCache;
  sessionTtlHours: number;
  loginAttemptsPerAddress: number;
  /** Exports take turns: each holds the CPU while its file is written (see `Turns`). */
  exportTurns: Turns;
  /**
   * Uploads take turns too: one file is received and imported at a time (imports are applied one
   * after another anyway), so that a few uploads at once cannot hold several gigabytes.
   */
  importTurns: Turns;
  uploadIdleMs: number;
}

/**
 * Unknown fields are refused, not silently dropped; every violation is reported at once. Query
 * strings and path parameters are text, so they are coerced to the schema's types; a JSON body is
 * not: coercion there would turn a null amount into 0, which the data must keep apart.
 */
const validatorOptions = {
  removeAdditional: false,
  allErrors: true,
  useDefaults: true,
  strict: false,
} as const;
const validators = {
  body: addFormats(new Ajv({ ...validatorOptions, coerceTypes: false })),
  other: addFormats(new Ajv({ ...validatorOptions, coerceTypes: 'array' })),
};

/**
 * A day of the calendar that PostgreSQL can store: ajv-formats' `date` lets the year 0000
 * through, which the database refuses (there is no year 0), as an error of the server's.
 */
export function storableDate(text: string): boolean {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!day) return false;
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const parsed = new Date(Date.UTC(2000, month - 1, date));
  parsed.setUTCFullYear(year);
  return (
    year >= 1 &&
    parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month - 1 &&
    parsed.getUTCDate() === date
  );
}
for (const ajv of Object.values(validators))
  ajv.addFormat('date', { type: 'string', validate: storableDate });

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Request lines only at debug level: at info the log keeps what an operator acts on.
    logController: new LogController({
      disableRequestLogging: !(
        typeof options.logger === 'object' && options.logger.level === 'debug'
      ),
    }),
    trustProxy: options.config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: sendFrameworkProblem,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? validators.body : validators.other).compile(schema),
  );

  const territoryCache = new ReadCache(() => territoryRevision({ db: options.db }));
  const ctx: Ctx = { db: options.db, onTerritoryChange: () => territoryCache.invalidate() };
  const services: AppServices = {
    ctx,
    territoryCache,
    sessionTtlHours: options.config.sessionTtlHours,
    loginAttemptsPerAddress: options.config.loginAttemptsPerAddress ?? 30,
    exportTurns: new Turns(
      options.exportTurns?.running ?? 2,
      options.exportTurns?.waiting ?? 16,
      'Exports',
    ),
    // An import takes minutes: who is refused is told to come back in one.
    importTurns: new Turns(1, options.importsWaiting ?? 2, 'Imports', 60),
    uploadIdleMs: options.uploadIdleMs ?? 60_000,
  };

  app.addSchema(ProblemSchema);
  registerErrorHandling(app);
  refuseUnstorableText(app);
  addProblemResponses(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Metroplan API',
        version: '1',
        description:
          'Public JSON API of Metroplan, the strategic-plan platform of an Italian metropolitan city. ' +
          'Reads of published data need no account. Writes need a session (cookie metroplan_sid, from ' +
          'POST /api/v1/session) and the CSRF token in the X-CSRF-Token header. Errors are RFC 9457 problem details.',
        license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/en/' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'metroplan_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerAuth(app, ctx);

  await app.register(
    async (api) => {
      const typed = api as unknown as App;
      typed.get(
        '/health',
        {
          schema: {
            tags: ['system'],
            summary: 'Liveness probe, with the work taking turns (running and waiting)',
            response: {
              200: Type.Object({
                status: Type.Literal('ok'),
                turns: Type.Record(
                  Type.Union([Type.Literal('exports'), Type.Literal('imports')]),
                  Type.Object({ running: Type.Integer(), waiting: Type.Integer() }),
                ),
              }),
            },
          },
        },
        async () => ({
          status: 'ok' as const,
          turns: { exports: services.exportTurns.load, imports: services.importTurns.load },
        }),
      );
      territoryRoutes(typed, services);
      identityRoutes(typed, services);
      organisationRoutes(typed, services);
      planRoutes(typed, services);
      planExportRoutes(typed, services);
      actRoutes(typed, services);
      pnrrRoutes(typed, services);
      projectRoutes(typed, services);
      projectLinkRoutes(typed, services);
      auditRoutes(typed, services);
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app, options.config.webRoot);
  return app;
}
