import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  conflictCodes,
  DomainError,
  violationCodes,
  type Violation,
  type ViolationCode,
  type ViolationParams,
} from '../domain/errors.ts';

/** RFC 9457 problem details, the one shape of every error this API returns. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.Optional(
      Type.Union(
        conflictCodes.map((c) => Type.Literal(c)),
        {
          description: 'What a conflict (409) is, as a code a client can translate (with params).',
        },
      ),
    ),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
    violations: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          reason: Type.String({ description: 'Why, in English.' }),
          code: Type.Optional(
            Type.Union(
              violationCodes.map((c) => Type.Literal(c)),
              { description: 'Why, as a code a client can translate (with params).' },
            ),
          ),
          params: Type.Optional(
            Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
          ),
        }),
      ),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

const statusOfKind: Record<DomainError['kind'], number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  invalid: 422,
  'too-many': 429,
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  violations?: Violation[],
  coded?: { code?: string; params?: ViolationParams },
): FastifyReply {
  const title = titles[status] ?? (status < 500 ? 'Bad Request' : 'Internal Server Error');
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title,
      status,
      detail,
      ...(coded?.code && { code: coded.code }),
      ...(coded?.params && { params: coded.params }),
      ...(violations && violations.length > 0 ? { violations } : {}),
    });
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

// Schema keywords whose violations a page can say in its own words, with the params it needs.
const keywordCodes: Partial<Record<string, ViolationCode>> = {
  required: 'required',
  additionalProperties: 'unknownField',
  enum: 'enum',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minimum: 'minimum',
  maximum: 'maximum',
  exclusiveMinimum: 'exclusiveMinimum',
  exclusiveMaximum: 'exclusiveMaximum',
  format: 'format',
  pattern: 'pattern',
  type: 'type',
  minItems: 'minItems',
  maxItems: 'maxItems',
  uniqueItems: 'uniqueItems',
  // None of the forms a value may take (a URL or nothing, say): the forms' own errors precede it.
  anyOf: 'notAccepted',
  oneOf: 'notAccepted',
  const: 'notAccepted',
};

function keywordParams(e: AjvError): ViolationParams | undefined {
  const p = e.params;
  if (e.keyword === 'enum') return { values: (p.allowedValues as unknown[]).join(', ') };
  // A count for lengths and items, so the pages can say "1 character" and "2 characters".
  if (['minLength', 'maxLength', 'minItems', 'maxItems'].includes(e.keyword))
    return { count: Number(p.limit) };
  if ('limit' in p) return { limit: Number(p.limit) };
  if (e.keyword === 'format' || e.keyword === 'pattern' || e.keyword === 'type')
    return { [e.keyword]: String(p[e.keyword]) };
  return undefined;
}

/** Ajv's errors, named by the field a client sent: `body.email`, `querystring.page`. */
export function violationsOf(errors: AjvError[], context: string): Violation[] {
  return errors.map((e) => {
    const path = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const extra =
      e.keyword === 'required'
        ? String(e.params.missingProperty)
        : e.keyword === 'additionalProperties'
          ? String(e.params.additionalProperty)
          : '';
    const field = [context, path, extra].filter(Boolean).join('.');
    const reason =
      e.keyword === 'additionalProperties'
        ? 'is not a known field'
        : e.keyword === 'required'
          ? 'is required'
          : e.keyword === 'enum'
            ? `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`
            : (e.message ?? 'is invalid');
    const code = keywordCodes[e.keyword];
    const params = code && keywordParams(e);
    return { field, reason, ...(code && { code }), ...(params && { params }) };
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      if (error.kind === 'too-many' && typeof error.params?.retryAfter === 'number')
        reply.header('retry-after', String(error.params.retryAfter));
      return sendProblem(reply, statusOfKind[error.kind], error.message, error.violations, error);
    }
    if (error.validation) {
      const violations = violationsOf(
        error.validation as AjvError[],
        error.validationContext ?? 'body',
      );
      return sendProblem(
        reply,
        400,
        `The request is not valid: ${violations.map((v) => `${v.field} ${v.reason}`).join('; ')}.`,
        violations,
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendProblem(reply, status, clientMessage(error, request));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'Something went wrong on our side; the error has been logged.');
  });
}

/** The router's own refusals, before any route runs: the same problem documents as the rest. */
export function sendFrameworkProblem(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  sendProblem(reply, error.statusCode ?? 400, clientMessage(error, request));
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a route that takes a file's bytes takes, said when another content-type comes (415). */
    accepts?: string;
  }
}

function clientMessage(error: FastifyError, request: FastifyRequest): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      // Also a body that names a field __proto__ or constructor: refused against prototype
      // pollution, and valid JSON all the same.
      return 'The request body is not valid JSON, or it names a field "__proto__" or "constructor", which is not accepted.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty but its content-type says JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `This content-type is not accepted here: send ${request.routeOptions.config?.accepts ?? 'application/json'}.`;
    case 'FST_ERR_BAD_URL':
      return 'The address is not valid: check its percent-encoding.';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'A part of the address is too long to name anything here.';
    default:
      return error.message;
  }
}

/** Every route documents the problems it can return, so the OpenAPI document tells the truth. */
export function addProblemResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1') || !route.schema) return;
    // A route that takes no parameter in its query string refuses one, as the others refuse a
    // parameter they do not know (`querystring.zzz`), instead of ignoring it.
    route.schema.querystring ??= Type.Object({}, { additionalProperties: false });
    const response = (route.schema.response ?? {}) as Record<string, unknown>;
    const unsafe = !['GET', 'HEAD'].includes(String(route.method));
    const needsSession = unsafe || (route.schema.security?.length ?? 0) > 0;
    const codes = [
      '400',
      '404',
      '429',
      '500',
      ...(needsSession ? ['401', '403'] : []),
      ...(unsafe ? ['409', '422'] : []),
      ...(route.schema.body ? ['413', '415'] : []),
    ];
    for (const code of codes) {
      response[code] ??= {
        description: titles[Number(code)],
        content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
      };
    }
    route.schema.response = response;
  });
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The texts of a request that no column can store, named by their fields: a NUL character
 * (PostgreSQL's text holds none) or half of a UTF-16 surrogate pair (no character at all: JSON
 * and the audit log refuse it). Refused here, for every route at once, rather than by each
 * schema; before, the database refused them, as an error of the server's (500).
 */
export function unstorableText(
  value: unknown,
  field: string,
  found: Violation[] = [],
  depth = 0,
): Violation[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      found.push({
        field,
        reason: 'contains a NUL character, which text cannot hold',
        code: 'nulCharacter',
      });
    else if (loneSurrogate.test(value))
      found.push({
        field,
        reason: 'contains half of a UTF-16 surrogate pair, which is no character',
        code: 'brokenCharacter',
      });
    return found;
  }
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value))
    return found;
  for (const [key, item] of Object.entries(value)) {
    unstorableText(key, `${field}.${key}`, found, depth + 1);
    unstorableText(item, `${field}.${key}`, found, depth + 1);
  }
  return found;
}

/** Refuses, before validation, a request whose path, query or body holds `unstorableText`. */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const found = unstorableText(request.params, 'params');
    unstorableText(request.query, 'querystring', found);
    unstorableText(request.body, 'body', found);
    if (found.length > 0)
      return sendProblem(
        reply,
        400,
        `The request is not valid: ${found.map((v) => `${v.field} ${v.reason}`).join('; ')}.`,
        found,
      );
  });
}
